export { formatDate, formatDateTime, userName } from '@finops/ui';

/** "today", "1 day", "42 days": a secret's age, in whole days. */
export function formatAgeDays(ageDays: number): string {
  const days = Math.floor(ageDays);
  if (days < 1) {
    return 'today';
  }
  return days === 1 ? '1 day' : `${days} days`;
}

/** "1 secret", "3 secrets". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
