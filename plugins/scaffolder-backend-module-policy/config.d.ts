export interface Config {
  finops?: {
    policy?: {
      /**
       * System entity refs approved for PCI-scoped components, e.g.
       * `system:default/payments`; a template asking for `pciScope` outside
       * them is refused (SCF-PCI-001). Defaults to none.
       * @visibility backend
       */
      approvedPciSystems?: string[];
    };
  };
}
