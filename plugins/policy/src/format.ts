const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** "3 Jun 2026, 14:05" in the viewer's time zone. */
export function formatDateTime(value: Date | string): string {
  return dateTimeFormat.format(new Date(value));
}

/** "3 Jun 2026" in the viewer's time zone. */
export function formatDate(value: Date | string): string {
  return dateFormat.format(new Date(value));
}

/**
 * Revisions are content hashes; the first 12 characters tell them apart in
 * practice, like a short git sha.
 */
export function shortRevision(revision: string): string {
  return revision.slice(0, 12);
}

/** "user:default/jane.doe" → "jane.doe": refs are long for a table cell. */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1) || ref;
}
