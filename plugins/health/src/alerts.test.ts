import { alert } from './__testUtils__/fixtures';
import { alertCondition, alertSeverityTone, sortAlerts } from './alerts';

describe('alertCondition', () => {
  it('tells a silenced alert from an inhibited one', () => {
    expect(alertCondition(alert())).toBe('firing');
    expect(
      alertCondition(alert({ state: 'suppressed', silencedBy: ['s-1'] })),
    ).toBe('silenced');
    expect(
      alertCondition(alert({ state: 'suppressed', inhibitedBy: ['f-9'] })),
    ).toBe('inhibited');
    expect(alertCondition(alert({ state: 'unprocessed' }))).toBe('pending');
  });
});

describe('alertSeverityTone', () => {
  it('colours the usual severities and leaves the rest neutral', () => {
    expect(alertSeverityTone('critical')).toBe('danger');
    expect(alertSeverityTone('Warning')).toBe('warning');
    expect(alertSeverityTone('info')).toBe('info');
    expect(alertSeverityTone('p5')).toBe('neutral');
    expect(alertSeverityTone(null)).toBe('neutral');
  });
});

describe('sortAlerts', () => {
  it('puts firing before muted, then the most severe, then the oldest', () => {
    const sorted = sortAlerts([
      alert({ name: 'Muted', state: 'suppressed', silencedBy: ['s-1'] }),
      alert({
        name: 'NewerWarning',
        severity: 'warning',
        startsAt: '2026-06-04T11:00:00Z',
      }),
      alert({
        name: 'OlderWarning',
        severity: 'warning',
        startsAt: '2026-06-04T09:00:00Z',
      }),
      alert({ name: 'Critical', severity: 'critical' }),
    ]);

    expect(sorted.map(a => a.name)).toEqual([
      'Critical',
      'OlderWarning',
      'NewerWarning',
      'Muted',
    ]);
  });
});
