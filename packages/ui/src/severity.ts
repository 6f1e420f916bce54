import type { StatusTone } from './StatusPill/StatusPill';

const SEVERITY_TONES = new Map<string, StatusTone>([
  ['critical', 'danger'],
  ['high', 'warning'],
  ['medium', 'info'],
  ['low', 'neutral'],
]);

/**
 * The colour of a policy rule's severity, the same on every page. A
 * severity the portal does not know yet is shown neutral rather than not
 * at all.
 */
export function severityTone(severity: string): StatusTone {
  return SEVERITY_TONES.get(severity) ?? 'neutral';
}
