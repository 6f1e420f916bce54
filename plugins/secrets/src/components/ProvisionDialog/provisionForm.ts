import type {
  ProvisionInput,
  SecretKeySpec,
  WorkloadAuthMethodEnum,
} from '@finops/plugin-secrets-common';

/*
 * The provisioning form as state, and the ProvisionInput it becomes. Kept
 * apart from the dialog so that the rules (the route's patterns, what a
 * dry run may carry, forgetting supplied values) are plain functions.
 */

/** Whether the platform generates a key's value or the owner types it. */
export type KeySource = 'generate' | 'supply';

export interface KeyDraft {
  id: string;
  key: string;
  source: KeySource;
  /** Length of a generated value. */
  length: number;
  /** A supplied value: kept only until the form is submitted. */
  value: string;
}

export interface SecretDraft {
  id: string;
  name: string;
  keys: KeyDraft[];
}

export interface ProvisionDraft {
  environment: string;
  secrets: SecretDraft[];
  authMethod: WorkloadAuthMethodEnum;
  /** Comma-separated, for a Kubernetes role. */
  serviceAccounts: string;
  /** Comma-separated, for a Kubernetes role. */
  namespaces: string;
  /** Return generated values once, in a response-wrapping token. */
  wrap: boolean;
}

/** The backend's default, and the bounds it accepts. */
export const DEFAULT_LENGTH = 32;
export const MIN_LENGTH = 16;
export const MAX_LENGTH = 128;
const MAX_VALUE_LENGTH = 8192;

// The patterns of the provision route (openapi.yaml), checked here so that
// a typo is pointed at its field instead of coming back as a 400.
const ENVIRONMENT = /^[a-z][a-z0-9-]{0,31}$/;
const SECRET_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const KEY = /^[A-Za-z0-9_.-]{1,64}$/;
const SERVICE_ACCOUNT = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

let lastId = 0;
function nextId(): string {
  lastId += 1;
  return `draft-${lastId}`;
}

export function newKey(key = ''): KeyDraft {
  return {
    id: nextId(),
    key,
    source: 'generate',
    length: DEFAULT_LENGTH,
    value: '',
  };
}

export function newSecret(): SecretDraft {
  return { id: nextId(), name: '', keys: [newKey()] };
}

export function initialDraft(environment: string): ProvisionDraft {
  return {
    environment,
    secrets: [newSecret()],
    authMethod: 'approle',
    serviceAccounts: '',
    namespaces: '',
    wrap: false,
  };
}

/** "a, b,,c " → ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map(s => s.trim())
    .filter(s => s !== '');
}

/** The same form with every supplied value forgotten. */
export function withoutValues(draft: ProvisionDraft): ProvisionDraft {
  return {
    ...draft,
    secrets: draft.secrets.map(s => ({
      ...s,
      keys: s.keys.map(k => ({ ...k, value: '' })),
    })),
  };
}

/** Whether any key asks the platform to generate its value. */
export function generatesValues(draft: ProvisionDraft): boolean {
  return draft.secrets.some(s => s.keys.some(k => k.source === 'generate'));
}

/**
 * What is wrong with the form, by field id (`environment`, a secret's id,
 * a key's id + `:key` / `:length` / `:value`, `serviceAccounts`,
 * `namespaces`). Supplied values are checked only when `withValues`: a
 * preview never sends them.
 */
export function problemsOf(
  draft: ProvisionDraft,
  options: { withValues: boolean },
): Map<string, string> {
  const problems = new Map<string, string>();
  if (!ENVIRONMENT.test(draft.environment)) {
    problems.set(
      'environment',
      'Lower-case letters, digits and dashes, starting with a letter.',
    );
  }
  const names = new Set<string>();
  for (const secret of draft.secrets) {
    if (!SECRET_NAME.test(secret.name)) {
      problems.set(
        secret.id,
        'Lower-case letters, digits, _ and -, starting with a letter or digit.',
      );
    } else if (names.has(secret.name)) {
      problems.set(secret.id, 'Another secret has this name.');
    }
    names.add(secret.name);
    const keys = new Set<string>();
    for (const key of secret.keys) {
      if (!KEY.test(key.key)) {
        problems.set(`${key.id}:key`, 'Letters, digits, _, . and -.');
      } else if (keys.has(key.key)) {
        problems.set(`${key.id}:key`, 'Another key of this secret has it.');
      }
      keys.add(key.key);
      if (
        key.source === 'generate' &&
        !(
          Number.isInteger(key.length) &&
          key.length >= MIN_LENGTH &&
          key.length <= MAX_LENGTH
        )
      ) {
        problems.set(
          `${key.id}:length`,
          `Between ${MIN_LENGTH} and ${MAX_LENGTH}.`,
        );
      }
      if (key.source === 'supply' && options.withValues) {
        if (key.value === '') {
          problems.set(`${key.id}:value`, 'Type the value, or generate it.');
        } else if (key.value.length > MAX_VALUE_LENGTH) {
          problems.set(
            `${key.id}:value`,
            `At most ${MAX_VALUE_LENGTH} characters.`,
          );
        }
      }
    }
  }
  if (draft.authMethod === 'kubernetes') {
    const accounts = splitList(draft.serviceAccounts);
    if (
      accounts.length === 0 ||
      !accounts.every(a => SERVICE_ACCOUNT.test(a))
    ) {
      problems.set(
        'serviceAccounts',
        'One or more service account names, separated by commas.',
      );
    }
    const namespaces = splitList(draft.namespaces);
    if (namespaces.length === 0 || !namespaces.every(n => NAMESPACE.test(n))) {
      problems.set(
        'namespaces',
        'One or more namespaces, separated by commas.',
      );
    }
  }
  return problems;
}

function keySpec(key: KeyDraft, withValues: boolean): SecretKeySpec {
  if (key.source === 'generate') {
    return { key: key.key, length: key.length };
  }
  return withValues ? { key: key.key, value: key.value } : { key: key.key };
}

/**
 * The request for the form. A dry run carries no supplied value: the plan
 * depends on key names only, so a value is sent once, when provisioning.
 */
export function toProvisionInput(
  entityRef: string,
  draft: ProvisionDraft,
  options: { dryRun: boolean },
): ProvisionInput {
  const withValues = !options.dryRun;
  return {
    entityRef,
    environment: draft.environment,
    secrets: draft.secrets.map(s => ({
      name: s.name,
      keys: s.keys.map(k => keySpec(k, withValues)),
    })),
    auth:
      draft.authMethod === 'kubernetes'
        ? {
            method: 'kubernetes',
            serviceAccounts: splitList(draft.serviceAccounts),
            namespaces: splitList(draft.namespaces),
          }
        : { method: 'approle' },
    // A dry run generates nothing, so there is nothing to wrap.
    ...(options.dryRun
      ? { dryRun: true }
      : draft.wrap && generatesValues(draft) && { wrap: true }),
  };
}

/**
 * A fingerprint of what a preview depends on (not the values), to tell
 * whether the preview on screen still describes the form.
 */
export function previewKey(entityRef: string, draft: ProvisionDraft): string {
  return JSON.stringify(toProvisionInput(entityRef, draft, { dryRun: true }));
}
