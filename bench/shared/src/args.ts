/** Command-line number checks shared by the benchmarks' argument parsers. */

/** `value` as a number above zero; otherwise an error naming the flag. */
export function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new Error(`${flag} must be above zero`);
  return n;
}

/** `value` as a whole number of at least one; otherwise an error naming the flag. */
export function whole(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${flag} must be a positive whole number`);
  }
  return n;
}
