import { CliError } from '../lib/CliError';
import { ExitCode } from '../lib/exitCodes';

/**
 * The parts of the portal auth backend's OpenID configuration
 * (`/api/auth/.well-known/openid-configuration`) the CLI uses. Read from the
 * discovery document rather than assumed, as any OAuth client would.
 */
export interface OidcConfiguration {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  userinfoEndpoint: string;
  revocationEndpoint?: string;
  scopesSupported: string[];
  clientIdMetadataDocumentSupported: boolean;
}

/** The token endpoint's answer (RFC 6749 section 5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
}

export type HttpFetch = (url: string, init?: RequestInit) => Promise<Response>;

export async function readOidcConfiguration(
  authBaseUrl: string,
  fetchFn: HttpFetch,
): Promise<OidcConfiguration> {
  const response = await fetchFn(
    `${authBaseUrl}/.well-known/openid-configuration`,
  );
  if (!response.ok) {
    throw CliError.failure(
      `The portal's auth backend has no OpenID configuration (${response.status}): is ${authBaseUrl} a Backstage 1.57 portal?`,
    );
  }
  const body = (await response.json()) as Record<string, unknown>;
  const text = (key: string) =>
    typeof body[key] === 'string' ? (body[key] as string) : undefined;
  const tokenEndpoint = text('token_endpoint');
  const authorizationEndpoint = text('authorization_endpoint');
  const userinfoEndpoint = text('userinfo_endpoint');
  if (!tokenEndpoint || !authorizationEndpoint || !userinfoEndpoint) {
    throw CliError.failure(
      `The portal's OpenID configuration at ${authBaseUrl} lacks its endpoints`,
    );
  }
  return {
    authorizationEndpoint,
    tokenEndpoint,
    userinfoEndpoint,
    revocationEndpoint: text('revocation_endpoint'),
    scopesSupported: Array.isArray(body.scopes_supported)
      ? (body.scopes_supported as string[])
      : [],
    clientIdMetadataDocumentSupported:
      body.client_id_metadata_document_supported === true,
  };
}

/** POSTs a grant to the token endpoint; OAuth errors become one line. */
export async function requestToken(
  tokenEndpoint: string,
  grant: Record<string, string>,
  fetchFn: HttpFetch,
): Promise<TokenResponse> {
  const response = await fetchFn(tokenEndpoint, {
    method: 'POST',
    // Backstage's token endpoint reads JSON bodies.
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(grant),
  });
  const body = (await response.json().catch(() => ({}))) as Record<
    string,
    unknown
  >;
  if (!response.ok) {
    const reason =
      (body.error_description as string | undefined) ??
      (body.error as string | undefined) ??
      `HTTP ${response.status}`;
    if (body.error === 'invalid_grant' || response.status === 401) {
      throw new CliError(
        ExitCode.NotSignedIn,
        `Your session expired (${reason}): run finops login`,
      );
    }
    throw CliError.failure(`The portal refused the sign-in: ${reason}`);
  }
  if (
    typeof body.access_token !== 'string' ||
    typeof body.expires_in !== 'number'
  ) {
    throw CliError.failure(
      'The portal answered the sign-in without an access token',
    );
  }
  return body as unknown as TokenResponse;
}

/** Best effort: a refresh token the portal forgets cannot be stolen later. */
export async function revokeToken(
  revocationEndpoint: string,
  token: string,
  clientId: string,
  fetchFn: HttpFetch,
): Promise<boolean> {
  try {
    const response = await fetchFn(revocationEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token,
        token_type_hint: 'refresh_token',
        client_id: clientId,
      }),
    });
    return response.ok;
  } catch {
    return false;
  }
}
