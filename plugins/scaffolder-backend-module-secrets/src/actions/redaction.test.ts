import { redactorFor } from './redaction';

describe('redactorFor', () => {
  it('removes each value, raw and JSON-escaped, the longest first', () => {
    const redact = redactorFor(['s3cr3t', 'my-s3cr3t-2', 'quo"te\n']);

    expect(
      redact('a my-s3cr3t-2 b s3cr3t c s3cr3ts3cr3t d {"value":"quo\\"te\\n"}'),
    ).toBe(
      'a [redacted] b [redacted] c [redacted][redacted] d {"value":"[redacted]"}',
    );
  });

  it('leaves a text alone when no value was supplied', () => {
    expect(redactorFor(['', ''])('nothing to hide')).toBe('nothing to hide');
  });
});
