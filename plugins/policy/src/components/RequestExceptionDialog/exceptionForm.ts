import { MAX_EXCEPTION_DAYS } from '@finops/plugin-policy-common';
import { formatDate } from '../../format';

/** Long enough to say something; the backend refuses less (openapi.yaml). */
export const MIN_TEXT_LENGTH = 10;
export const MAX_TEXT_LENGTH = 4000;
/** What most exceptions need: one sprint or two to fix the cause. */
export const DEFAULT_EXCEPTION_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ExceptionFormValues {
  justification: string;
  compensatingControl: string;
  /** The expiry day as a date input gives it: YYYY-MM-DD, local time. */
  expiresOn: string;
}

export type ExceptionFormErrors = Partial<
  Record<keyof ExceptionFormValues, string>
>;

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function parseDay(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return undefined;
  }
  const [, year, month, day] = match.map(Number);
  return new Date(year, month - 1, day);
}

/** A local day as the YYYY-MM-DD a date input takes. */
export function toDayString(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}

/** The local day `days` after `now`'s. */
export function dayAfter(now: Date, days: number): string {
  const day = startOfDay(now);
  day.setDate(day.getDate() + days);
  return toDayString(day);
}

/** Whole calendar days from `now`'s day to `expiresOn` (rounding out DST). */
function daysUntil(expiresOn: Date, now: Date): number {
  return Math.round((expiresOn.getTime() - startOfDay(now).getTime()) / DAY_MS);
}

function textError(label: string, value: string): string | undefined {
  const length = value.trim().length;
  if (length === 0) {
    return `${label} is required.`;
  }
  if (length < MIN_TEXT_LENGTH) {
    return `${label} needs at least ${MIN_TEXT_LENGTH} characters (${length} so far).`;
  }
  if (length > MAX_TEXT_LENGTH) {
    return `${label} can have at most ${MAX_TEXT_LENGTH} characters.`;
  }
  return undefined;
}

function expiryError(expiresOn: string, now: Date): string | undefined {
  const day = parseDay(expiresOn);
  if (!day) {
    return 'Choose the day the exception expires.';
  }
  const days = daysUntil(day, now);
  if (days < 1) {
    return 'The expiry must be after today.';
  }
  if (days > MAX_EXCEPTION_DAYS) {
    return `Exceptions last at most ${MAX_EXCEPTION_DAYS} days: choose ${formatDate(
      parseDay(dayAfter(now, MAX_EXCEPTION_DAYS))!,
    )} or earlier.`;
  }
  return undefined;
}

/** What is wrong with the form, field by field; empty when it can be sent. */
export function validateExceptionForm(
  values: ExceptionFormValues,
  now: Date,
): ExceptionFormErrors {
  const errors: ExceptionFormErrors = {
    justification: textError('Justification', values.justification),
    compensatingControl: textError(
      'Compensating control',
      values.compensatingControl,
    ),
    expiresOn: expiryError(values.expiresOn, now),
  };
  return Object.fromEntries(
    Object.entries(errors).filter(([, message]) => message),
  ) as ExceptionFormErrors;
}

/**
 * The moment an exception chosen to expire on `expiresOn` ends: whole days
 * from now. The backend measures the 90-day limit from its own clock, so
 * the last allowed day must not land even an hour past now + 90 days, as
 * the end of that day would.
 */
export function expiresAtFor(expiresOn: string, now: Date): Date {
  const days = daysUntil(parseDay(expiresOn)!, now);
  return new Date(now.getTime() + days * DAY_MS);
}
