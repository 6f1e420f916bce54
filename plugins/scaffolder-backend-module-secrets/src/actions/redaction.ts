/** What a supplied secret value is replaced with wherever it would show. */
export const REDACTED = '[redacted]';

/**
 * A function that removes every given secret value from a text.
 *
 * The secrets backend promises never to echo a supplied value, but the text
 * of an error ends up in the task log, which every reader of the task sees,
 * so the action does not rely on that promise. A value is also looked for in
 * its JSON-escaped form, as a message quoting a request body would hold it.
 * Longer values go first, so a value that contains another one is removed
 * whole.
 */
export function redactorFor(
  values: Iterable<string>,
): (text: string) => string {
  const forms = new Set<string>();
  for (const value of values) {
    // An empty value is in every text; there is nothing to hide.
    if (value.length === 0) continue;
    forms.add(value);
    forms.add(JSON.stringify(value).slice(1, -1));
  }
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return text =>
    ordered.reduce(
      (redacted, form) => redacted.split(form).join(REDACTED),
      text,
    );
}
