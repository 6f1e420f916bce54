import { formatDate, formatDateTime, userName } from './format';

describe('format', () => {
  it('writes dates the way the portal reads them', () => {
    const at = new Date(2026, 5, 3, 14, 5);

    expect(formatDate(at)).toBe('3 Jun 2026');
    expect(formatDateTime(at)).toBe('3 Jun 2026, 14:05');
    expect(formatDateTime(at.toISOString())).toBe('3 Jun 2026, 14:05');
  });

  it('shows a person by the name in their entity ref', () => {
    expect(userName('user:default/alice')).toBe('alice');
    expect(userName('alice')).toBe('alice');
  });
});
