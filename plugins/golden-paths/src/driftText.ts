import type { StatusTone } from '@finops/ui';
import { TEMPLATE_VERSION_ANNOTATION } from './annotations';
import type { Drift, DriftStatus, UnknownDriftReason } from './versions';

const LEVELS = {
  'behind-major': 'major',
  'behind-minor': 'minor',
  'behind-patch': 'patch',
} as const;

/** "Current", "2 minor versions behind", "Ahead of template", "Unknown". */
export function driftLabel(drift: Drift): string {
  switch (drift.status) {
    case 'current':
      return 'Current';
    case 'ahead':
      return 'Ahead of template';
    case 'unknown':
      return 'Unknown';
    default:
      return `${drift.by} ${LEVELS[drift.status]} version${
        drift.by === 1 ? '' : 's'
      } behind`;
  }
}

/** A status's name in counts: "3 Minor behind". */
export const DRIFT_STATUS_NAMES: Record<DriftStatus, string> = {
  'behind-major': 'Major behind',
  'behind-minor': 'Minor behind',
  'behind-patch': 'Patch behind',
  ahead: 'Ahead',
  unknown: 'Unknown',
  current: 'Current',
};

/**
 * A major version behind is a breaking change the service has not taken;
 * a service ahead of its template records something the template never
 * released, which deserves a look as much as a minor behind.
 */
export const DRIFT_TONES: Record<DriftStatus, StatusTone> = {
  'behind-major': 'danger',
  'behind-minor': 'warning',
  'behind-patch': 'info',
  ahead: 'warning',
  unknown: 'neutral',
  current: 'success',
};

interface HintVersions {
  /** The version the service records, verbatim. */
  service?: string;
  /** The template's current version, verbatim. */
  template?: string;
  /** The template the service names. */
  templateRef: string;
}

const UNKNOWN_HINTS: Record<
  UnknownDriftReason,
  (versions: HintVersions) => string
> = {
  'template-missing': ({ templateRef }) =>
    `${templateRef} is no longer in the catalog, so there is no current version to compare with.`,
  'template-version-missing': () =>
    `The template does not declare its version (${TEMPLATE_VERSION_ANNOTATION}), so there is nothing to compare with.`,
  'template-version-invalid': ({ template }) =>
    `The template declares "${template?.trim()}" in ${TEMPLATE_VERSION_ANNOTATION}, which is not a MAJOR.MINOR.PATCH version.`,
  'service-version-missing': () =>
    `It does not record which version of the template it was created from: add the ${TEMPLATE_VERSION_ANNOTATION} annotation.`,
  'service-version-invalid': ({ service }) =>
    `It records "${service?.trim()}" in ${TEMPLATE_VERSION_ANNOTATION}, which is not a MAJOR.MINOR.PATCH version.`,
};

/**
 * One line on what to do about a service's drift, for its owners:
 * "Compare the template's skeleton since 1.2.0 and apply the changes."
 */
export function driftHint(drift: Drift, versions: HintVersions): string {
  const service = versions.service?.trim();
  switch (drift.status) {
    case 'current':
      return 'Up to date with the current version of the template.';
    case 'ahead':
      return `It records ${service}, which the template (at ${versions.template?.trim()}) has not released: check its ${TEMPLATE_VERSION_ANNOTATION} annotation.`;
    case 'unknown':
      return UNKNOWN_HINTS[drift.reason](versions);
    default:
      return `Compare the template's skeleton since ${service} and apply the changes.`;
  }
}
