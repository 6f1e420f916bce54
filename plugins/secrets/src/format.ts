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

/** "today", "1 day", "42 days": a secret's age, in whole days. */
export function formatAgeDays(ageDays: number): string {
  const days = Math.floor(ageDays);
  if (days < 1) {
    return 'today';
  }
  return days === 1 ? '1 day' : `${days} days`;
}

/** "alice" for "user:default/alice": the name people know each other by. */
export function userName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1) || ref;
}

/** "1 secret", "3 secrets". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
