/**
 * A template version as `finops.io/template-version` records it:
 * `MAJOR.MINOR.PATCH`, where a missing part counts as 0 ("1.2" is 1.2.0)
 * and a leading "v" is tolerated, since people write both.
 */
export interface TemplateVersion {
  major: number;
  minor: number;
  patch: number;
}

// Pre-release and build suffixes are deliberately not versions here: the
// templates release plain MAJOR.MINOR.PATCH, and guessing how "1.2.0-rc1"
// orders against a release would put services in the wrong place.
const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/i;

/** The version in `text`, or undefined when it is missing or not a version. */
export function parseVersion(
  text: string | undefined,
): TemplateVersion | undefined {
  const match = text?.trim().match(VERSION);
  if (!match) {
    return undefined;
  }
  const [major, minor, patch] = match
    .slice(1)
    .map(part => (part === undefined ? 0 : Number(part)));
  if (![major, minor, patch].every(Number.isSafeInteger)) {
    return undefined;
  }
  return { major, minor, patch };
}

/** "1.2.0" for 1.2, whatever way it was written. */
export function formatVersion(version: TemplateVersion): string {
  return `${version.major}.${version.minor}.${version.patch}`;
}

/** Negative when `a` is older than `b`, positive when newer, 0 when equal. */
export function compareVersions(a: TemplateVersion, b: TemplateVersion) {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** How far a service is from its template's current version. */
export type DriftStatus =
  | 'current'
  | 'behind-patch'
  | 'behind-minor'
  | 'behind-major'
  | 'ahead'
  | 'unknown';

/** Why a service cannot be compared with its template. */
export type UnknownDriftReason =
  | 'template-missing'
  | 'template-version-missing'
  | 'template-version-invalid'
  | 'service-version-missing'
  | 'service-version-invalid';

export type BehindStatus = Extract<DriftStatus, `behind-${string}`>;

export type Drift =
  | { status: 'current' }
  /** `by`: how many versions of the level that differs, e.g. 2 minors. */
  | { status: BehindStatus; by: number }
  /** The service records a version the template has not released: odd. */
  | { status: 'ahead' }
  | { status: 'unknown'; reason: UnknownDriftReason };

export function isBehind(
  drift: Drift,
): drift is { status: BehindStatus; by: number } {
  return drift.status.startsWith('behind-');
}

/**
 * Where a service created from `serviceVersion` of a template stands
 * against the template's current version. `template` is undefined when
 * the template is no longer in the catalog.
 */
export function classifyDrift(
  serviceVersion: string | undefined,
  template: { version?: string } | undefined,
): Drift {
  if (!template) {
    return { status: 'unknown', reason: 'template-missing' };
  }
  const current = parseVersion(template.version);
  if (!current) {
    return {
      status: 'unknown',
      reason: template.version?.trim()
        ? 'template-version-invalid'
        : 'template-version-missing',
    };
  }
  const created = parseVersion(serviceVersion);
  if (!created) {
    return {
      status: 'unknown',
      reason: serviceVersion?.trim()
        ? 'service-version-invalid'
        : 'service-version-missing',
    };
  }
  if (compareVersions(created, current) > 0) {
    return { status: 'ahead' };
  }
  if (created.major < current.major) {
    return { status: 'behind-major', by: current.major - created.major };
  }
  if (created.minor < current.minor) {
    return { status: 'behind-minor', by: current.minor - created.minor };
  }
  if (created.patch < current.patch) {
    return { status: 'behind-patch', by: current.patch - created.patch };
  }
  return { status: 'current' };
}

/** Most urgent first: the order services are listed and counted in. */
export const DRIFT_STATUSES: readonly DriftStatus[] = [
  'behind-major',
  'behind-minor',
  'behind-patch',
  'ahead',
  'unknown',
  'current',
];

/**
 * Orders drifts most urgent first; within a level, the further behind
 * first (3 minors behind before 1).
 */
export function compareDrift(a: Drift, b: Drift): number {
  const byStatus =
    DRIFT_STATUSES.indexOf(a.status) - DRIFT_STATUSES.indexOf(b.status);
  if (byStatus !== 0) {
    return byStatus;
  }
  return (isBehind(b) ? b.by : 0) - (isBehind(a) ? a.by : 0);
}
