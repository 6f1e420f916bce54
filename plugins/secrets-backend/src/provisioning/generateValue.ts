import { randomInt } from 'node:crypto';

const ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A random value of `length` characters from 64 URL- and shell-safe ones
 * (6 bits each: 32 characters carry 192 bits), drawn with rejection-free
 * `randomInt` from the operating system's CSPRNG.
 */
export function generateValue(length: number): string {
  let value = '';
  for (let i = 0; i < length; i++) {
    value += ALPHABET[randomInt(ALPHABET.length)];
  }
  return value;
}
