import type { Alert } from '@finops/plugin-health-common';
import type { StatusTone } from '@finops/ui';

/** What an alert is doing, in Alertmanager's words. */
export type AlertCondition = 'firing' | 'silenced' | 'inhibited' | 'pending';

/**
 * Alertmanager says `suppressed` for both silenced and inhibited alerts;
 * which one it is tells on-call people whether someone chose to mute it
 * (a silence) or a bigger alert covers it (an inhibition).
 */
export function alertCondition(alert: Alert): AlertCondition {
  if (alert.state === 'active') {
    return 'firing';
  }
  if (alert.state === 'suppressed') {
    return alert.silencedBy.length > 0 ? 'silenced' : 'inhibited';
  }
  return 'pending';
}

const SEVERITY_TONES = new Map<string, StatusTone>([
  ['critical', 'danger'],
  ['page', 'danger'],
  ['error', 'danger'],
  ['warning', 'warning'],
  ['ticket', 'warning'],
  ['info', 'info'],
]);

/**
 * The colour of a Prometheus alert's `severity` label. Teams spell it as
 * they like; what the portal does not know is shown neutral rather than
 * not at all.
 */
export function alertSeverityTone(severity: string | null): StatusTone {
  return (
    SEVERITY_TONES.get(severity?.toLocaleLowerCase('en-US') ?? '') ?? 'neutral'
  );
}

const CONDITION_ORDER: Record<AlertCondition, number> = {
  firing: 0,
  pending: 1,
  inhibited: 2,
  silenced: 3,
};
const TONE_ORDER: Record<StatusTone, number> = {
  danger: 0,
  warning: 1,
  info: 2,
  neutral: 3,
  success: 4,
};

/**
 * What needs attention first: firing before muted, then by severity, then
 * the longest-running first.
 */
export function sortAlerts(alerts: Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      CONDITION_ORDER[alertCondition(a)] - CONDITION_ORDER[alertCondition(b)] ||
      TONE_ORDER[alertSeverityTone(a.severity)] -
        TONE_ORDER[alertSeverityTone(b.severity)] ||
      Date.parse(a.startsAt) - Date.parse(b.startsAt),
  );
}
