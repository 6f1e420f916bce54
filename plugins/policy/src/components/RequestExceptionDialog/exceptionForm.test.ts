import { dayAfter, expiresAtFor, validateExceptionForm } from './exceptionForm';

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date(2026, 5, 3, 15, 30);
const texts = {
  justification: 'Vendor fix ships next sprint',
  compensatingControl: 'WAF rule blocks the exploit path',
};

describe('exceptionForm', () => {
  it('accepts tomorrow up to 90 days out, and nothing else', () => {
    const errorsFor = (expiresOn: string) =>
      validateExceptionForm({ ...texts, expiresOn }, now).expiresOn;

    expect(errorsFor(dayAfter(now, 1))).toBeUndefined();
    expect(errorsFor(dayAfter(now, 90))).toBeUndefined();
    expect(errorsFor(dayAfter(now, 0))).toBe('The expiry must be after today.');
    expect(errorsFor(dayAfter(now, 91))).toMatch(
      /^Exceptions last at most 90 days: choose 1 Sept 2026 or earlier\.$/,
    );
    expect(errorsFor('')).toBe('Choose the day the exception expires.');
  });

  it('counts trimmed characters in the texts', () => {
    const errors = validateExceptionForm(
      {
        justification: '   short   ',
        compensatingControl: '',
        expiresOn: dayAfter(now, 30),
      },
      now,
    );

    expect(errors).toEqual({
      justification: 'Justification needs at least 10 characters (5 so far).',
      compensatingControl: 'Compensating control is required.',
    });
  });

  it('never sends an expiry beyond 90 days from now, even on the last day', () => {
    const expiresAt = expiresAtFor(dayAfter(now, 90), now);

    expect(expiresAt.getTime() - now.getTime()).toBe(90 * DAY_MS);
  });
});
