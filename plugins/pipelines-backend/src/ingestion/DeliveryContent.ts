import {
  ChangeRecord,
  DeploymentRecord,
  JobRecord,
  RunRecord,
} from '../database/records';

/** How a delivery names the catalog entity it belongs to. */
export type EntityLocator = { repository: string } | { argoCdApp: string };

/**
 * What one delivery says, once checked: the records to store, without the
 * entity (resolved from the locator through the catalog), or why the
 * delivery is of no interest.
 */
export type DeliveryContent =
  | {
      type: 'run';
      locator: EntityLocator;
      run: Omit<RunRecord, 'entityRef'>;
    }
  | {
      type: 'job';
      locator: EntityLocator;
      job: Omit<JobRecord, 'entityRef'>;
    }
  | {
      type: 'deployment';
      locator: EntityLocator;
      deployment: Omit<DeploymentRecord, 'entityRef'>;
    }
  | {
      type: 'changes';
      locator: EntityLocator;
      changes: Array<Omit<ChangeRecord, 'entityRef'>>;
    }
  | { type: 'ignored'; reason: string };
