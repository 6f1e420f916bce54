import {
  rateChangeFailureRate,
  rateDeploymentFrequency,
  rateLeadTime,
  rateTimeToRestore,
} from './dora';

describe('DORA bands', () => {
  it('rates deployment frequency', () => {
    expect(rateDeploymentFrequency(3)).toBe('elite');
    expect(rateDeploymentFrequency(1)).toBe('elite');
    expect(rateDeploymentFrequency(2 / 7)).toBe('high');
    expect(rateDeploymentFrequency(1 / 14)).toBe('medium');
    expect(rateDeploymentFrequency(1 / 60)).toBe('low');
  });

  it('rates lead time for changes', () => {
    expect(rateLeadTime(3)).toBe('elite');
    expect(rateLeadTime(24)).toBe('high');
    expect(rateLeadTime(200)).toBe('medium');
    expect(rateLeadTime(24 * 45)).toBe('low');
  });

  it('rates the change failure rate', () => {
    expect(rateChangeFailureRate(0.05)).toBe('elite');
    expect(rateChangeFailureRate(0.08)).toBe('high');
    expect(rateChangeFailureRate(0.15)).toBe('medium');
    expect(rateChangeFailureRate(0.3)).toBe('low');
  });

  it('rates time to restore', () => {
    expect(rateTimeToRestore(0.5)).toBe('elite');
    expect(rateTimeToRestore(6)).toBe('high');
    expect(rateTimeToRestore(72)).toBe('medium');
    expect(rateTimeToRestore(24 * 10)).toBe('low');
  });
});
