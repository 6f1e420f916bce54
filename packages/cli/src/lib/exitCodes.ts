/**
 * What the finops command's exit status means. Scripts and CI jobs branch on
 * these, so they never change meaning; the README and `finops --help` print
 * the same table.
 */
export const ExitCode = {
  Ok: 0,
  /** A policy violation, a refused gate, a failed task or a failed check. */
  Failure: 1,
  /** Arguments, options, files or values that cannot be used. */
  Usage: 2,
  /** No credentials, or the portal rejected them (401). */
  NotSignedIn: 3,
  /** The portal said no (403). */
  PermissionDenied: 4,
  /** The entity, template or request does not exist (404). */
  NotFound: 5,
  /** The portal did not answer, or answered 5xx. */
  Unavailable: 6,
} as const;

/** One of the exit codes above. */
export type ExitStatus = (typeof ExitCode)[keyof typeof ExitCode];

export const EXIT_CODES_HELP = [
  'Exit codes:',
  '  0  success',
  '  1  failure: a policy violation, a refused deploy, a failed task or check',
  '  2  usage error or invalid input (arguments, options, files, values)',
  '  3  not signed in, or the portal rejected the token (401)',
  '  4  permission denied (403)',
  '  5  not found (entity, template, request)',
  '  6  the portal is unreachable or unavailable (connection refused, timeout, 5xx)',
].join('\n');
