import {
  formatBurnRate,
  formatNumber,
  formatPercent,
  formatRelativeTime,
  plural,
} from './format';

describe('formatPercent', () => {
  it('keeps the decimals that tell SLOs apart', () => {
    expect(formatPercent(0.999)).toBe('99.9%');
    expect(formatPercent(0.99953)).toBe('99.95%');
    expect(formatPercent(0.99953, 3)).toBe('99.953%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('shows an overspent budget as negative', () => {
    expect(formatPercent(-0.35)).toBe('-35%');
  });
});

describe('formatNumber', () => {
  it('gives small readings two decimals and large ones none', () => {
    expect(formatNumber(0.347)).toBe('0.35');
    expect(formatNumber(12.44)).toBe('12.4');
    expect(formatNumber(1250.4)).toBe('1,250');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('formatBurnRate', () => {
  it('reads as a multiple of the sustainable rate', () => {
    expect(formatBurnRate(14.4)).toBe('14.4×');
    expect(formatBurnRate(0.5)).toBe('0.5×');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.parse('2026-06-04T12:00:00Z');

  it('says how long ago something started', () => {
    expect(formatRelativeTime('2026-06-04T11:59:40Z', now)).toBe('just now');
    expect(formatRelativeTime('2026-06-04T11:48:00Z', now)).toBe(
      '12 minutes ago',
    );
    expect(formatRelativeTime('2026-06-04T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-06-02T12:00:00Z', now)).toBe('2 days ago');
    expect(formatRelativeTime('2026-06-03T12:00:00Z', now)).toBe('yesterday');
  });

  it('says how long until something ends', () => {
    expect(formatRelativeTime('2026-06-04T14:00:00Z', now)).toBe('in 2 hours');
    expect(formatRelativeTime(new Date('2026-06-04T12:01:00Z'), now)).toBe(
      'in 1 minute',
    );
  });
});

describe('plural', () => {
  it('counts in words', () => {
    expect(plural(1, 'alert')).toBe('1 alert');
    expect(plural(0, 'alert')).toBe('0 alerts');
    expect(plural(3, 'alert')).toBe('3 alerts');
  });
});
