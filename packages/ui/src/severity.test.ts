import { severityTone } from './severity';

describe('severityTone', () => {
  it('colours the more severe rules more urgently', () => {
    expect(severityTone('critical')).toBe('danger');
    expect(severityTone('high')).toBe('warning');
    expect(severityTone('medium')).toBe('info');
    expect(severityTone('low')).toBe('neutral');
  });

  it('shows a severity it does not know as neutral', () => {
    expect(severityTone('catastrophic')).toBe('neutral');
    expect(severityTone('constructor')).toBe('neutral');
  });
});
