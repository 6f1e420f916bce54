import {
  classifyDrift,
  compareDrift,
  compareVersions,
  type Drift,
  formatVersion,
  parseVersion,
} from './versions';

describe('parseVersion', () => {
  it.each([
    ['1.2.3', '1.2.3'],
    ['1.2', '1.2.0'],
    ['2', '2.0.0'],
    ['v1.4.0', '1.4.0'],
    [' 1.4.0 ', '1.4.0'],
    ['10.0.12', '10.0.12'],
  ])('reads %j as %s', (text, expected) => {
    expect(formatVersion(parseVersion(text)!)).toBe(expected);
  });

  it.each([
    [undefined],
    [''],
    ['   '],
    ['latest'],
    ['1.x'],
    ['1.2.3.4'],
    ['1.2.0-rc.1'],
    ['1..2'],
    ['-1.0.0'],
    ['99999999999999999999.0.0'],
  ])('does not read %j as a version', text => {
    expect(parseVersion(text)).toBeUndefined();
  });
});

describe('compareVersions', () => {
  const v = (text: string) => parseVersion(text)!;

  it('orders by major, then minor, then patch, numerically', () => {
    expect(compareVersions(v('1.10.0'), v('1.9.0'))).toBeGreaterThan(0);
    expect(compareVersions(v('1.9.9'), v('2.0.0'))).toBeLessThan(0);
    expect(compareVersions(v('1.2.3'), v('1.2.4'))).toBeLessThan(0);
    expect(compareVersions(v('1.2'), v('1.2.0'))).toBe(0);
  });
});

describe('classifyDrift', () => {
  const template = { version: '2.3.4' };

  it.each<[string, Drift]>([
    ['2.3.4', { status: 'current' }],
    ['2.3', { status: 'behind-patch', by: 4 }],
    ['2.3.1', { status: 'behind-patch', by: 3 }],
    ['2.2.9', { status: 'behind-minor', by: 1 }],
    ['2.0.0', { status: 'behind-minor', by: 3 }],
    ['1.9.9', { status: 'behind-major', by: 1 }],
    ['0.1.0', { status: 'behind-major', by: 2 }],
    ['2.3.5', { status: 'ahead' }],
    ['3.0.0', { status: 'ahead' }],
  ])('a service created from %s is %j', (created, drift) => {
    expect(classifyDrift(created, template)).toEqual(drift);
  });

  it('cannot compare with a template that is gone', () => {
    expect(classifyDrift('1.0.0', undefined)).toEqual({
      status: 'unknown',
      reason: 'template-missing',
    });
  });

  it('tells a missing version from one that is not a version', () => {
    expect(classifyDrift(undefined, template)).toEqual({
      status: 'unknown',
      reason: 'service-version-missing',
    });
    expect(classifyDrift('first', template)).toEqual({
      status: 'unknown',
      reason: 'service-version-invalid',
    });
    expect(classifyDrift('1.0.0', {})).toEqual({
      status: 'unknown',
      reason: 'template-version-missing',
    });
    expect(classifyDrift('1.0.0', { version: 'next' })).toEqual({
      status: 'unknown',
      reason: 'template-version-invalid',
    });
  });
});

describe('compareDrift', () => {
  it('puts the most urgent first, and the furthest behind within a level', () => {
    const drifts: Drift[] = [
      { status: 'current' },
      { status: 'behind-minor', by: 1 },
      { status: 'unknown', reason: 'template-missing' },
      { status: 'behind-minor', by: 3 },
      { status: 'ahead' },
      { status: 'behind-major', by: 1 },
      { status: 'behind-patch', by: 2 },
    ];

    expect([...drifts].sort(compareDrift)).toEqual([
      { status: 'behind-major', by: 1 },
      { status: 'behind-minor', by: 3 },
      { status: 'behind-minor', by: 1 },
      { status: 'behind-patch', by: 2 },
      { status: 'ahead' },
      { status: 'unknown', reason: 'template-missing' },
      { status: 'current' },
    ]);
  });
});
