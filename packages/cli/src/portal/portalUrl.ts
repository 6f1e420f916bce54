import { CliError } from '../lib/CliError';

/**
 * The portal's base URL as credentials are keyed and clients are pointed:
 * scheme, host, port and path, without a trailing slash, query or fragment.
 */
export function normalizePortalUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw CliError.usage(
      `${source} must be the portal's URL, like https://portal.example.com (got "${value}")`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw CliError.usage(
      `${source} must be an http or https URL (got "${value}")`,
    );
  }
  if (url.username || url.password) {
    throw CliError.usage(
      `${source} must not carry credentials: use finops login or FINOPS_TOKEN`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Which portal a command talks to: --portal, else FINOPS_PORTAL_URL, else
 * the one the last `finops login` signed in to.
 */
export function choosePortalUrl(options: {
  flag?: string;
  env: NodeJS.ProcessEnv;
  stored?: string;
}): string | undefined {
  if (options.flag) return normalizePortalUrl(options.flag, '--portal');
  const fromEnv = options.env.FINOPS_PORTAL_URL?.trim();
  if (fromEnv) return normalizePortalUrl(fromEnv, 'FINOPS_PORTAL_URL');
  return options.stored;
}

export const NO_PORTAL_MESSAGE =
  'Which portal? Pass --portal <url>, set FINOPS_PORTAL_URL, or run finops login --portal <url>';
