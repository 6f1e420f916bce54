import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CliError } from './CliError';

const PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;

/**
 * Reads an entity argument the way people type it: `card-payments`,
 * `api:payments-api` or a full `component:default/card-payments`. The kind
 * defaults to component (templates default to template) and the namespace to
 * default; the result is always the full, lower-case-kind ref.
 */
export function parseEntityArgument(
  value: string,
  defaultKind = 'component',
): CompoundEntityRef & { ref: string } {
  const invalid = CliError.usage(
    `"${value}" is not an entity: use name, kind:name or kind:namespace/name`,
  );
  let parsed: CompoundEntityRef;
  try {
    parsed = parseEntityRef(value.trim(), {
      defaultKind,
      defaultNamespace: 'default',
    });
  } catch {
    throw invalid;
  }
  // The catalog's name and namespace format; parseEntityRef allows more.
  if (![parsed.name, parsed.namespace, parsed.kind].every(p => PART.test(p))) {
    throw invalid;
  }
  const ref = {
    kind: parsed.kind.toLocaleLowerCase('en-US'),
    namespace: parsed.namespace,
    name: parsed.name,
  };
  return { ...ref, ref: stringifyEntityRef(ref) };
}
