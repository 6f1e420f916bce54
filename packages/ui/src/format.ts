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

/** "alice" for "user:default/alice": the name people know each other by. */
export function userName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1) || ref;
}
