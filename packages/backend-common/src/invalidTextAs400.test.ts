import { invalidTextAs400 } from './invalidTextAs400';

describe('invalidTextAs400', () => {
  const handle = (error: unknown) => {
    const next = jest.fn();
    invalidTextAs400(error, {} as any, {} as any, next);
    return next.mock.calls[0][0];
  };

  it("turns PostgreSQL's refusal of a NUL character into an InputError", () => {
    const refused = Object.assign(
      new Error('invalid byte sequence for encoding "UTF8": 0x00'),
      { code: '22021' },
    );
    const passed = handle(refused);
    expect(passed.name).toBe('InputError');
    expect(passed.message).not.toContain('UTF8');
  });

  it('leaves every other error as it is', () => {
    const other = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(handle(other)).toBe(other);
    expect(handle('not an error')).toBe('not an error');
  });
});
