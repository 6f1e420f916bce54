import { timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';

const REDACTED = '[secret values]';

/**
 * The values of one KV version, read for a check inside the backend (is
 * this version the one we wrote? did a rotation land?). They are held in a
 * private field: `JSON.stringify`, a logger, `util.inspect` and template
 * strings see the keys at most, so a value cannot reach a response or a log
 * by accident; reading one takes a deliberate `reveal(key)`.
 */
export class SecretValues {
  readonly #values: Record<string, unknown>;

  static of(values: Record<string, unknown>): SecretValues {
    return new SecretValues(values);
  }

  private constructor(values: Record<string, unknown>) {
    this.#values = { ...values };
  }

  keys(): string[] {
    return Object.keys(this.#values).sort();
  }

  /**
   * Whether the version holds exactly these key/value pairs, compared in
   * constant time per value.
   */
  matches(expected: Record<string, string>): boolean {
    const keys = Object.keys(expected).sort();
    if (keys.join('\0') !== this.keys().join('\0')) {
      return false;
    }
    return keys.every(key => {
      const actual = this.#values[key];
      if (typeof actual !== 'string') return false;
      const a = Buffer.from(actual);
      const b = Buffer.from(expected[key]);
      return a.length === b.length && timingSafeEqual(a, b);
    });
  }

  /** One value, for code that must use it; never for a response or log. */
  reveal(key: string): string | undefined {
    const value = this.#values[key];
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  toJSON(): { keys: string[]; values: string } {
    return { keys: this.keys(), values: REDACTED };
  }

  toString(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `SecretValues { keys: ${this.keys().join(', ')} }`;
  }
}
