/**
 * Reads the claims of a Backstage user token without verifying it: only to
 * show who is signed in and when the token runs out. The portal verifies
 * every token it receives; nothing here trusts these values.
 */
export function readJwtClaims(
  token: string,
): { sub?: string; exp?: number; ent?: string[] } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
    return typeof claims === 'object' && claims !== null ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** A user token's subject (`user:default/jane`), if the token is one. */
export function userEntityRefOf(token: string): string | undefined {
  const sub = readJwtClaims(token)?.sub;
  return typeof sub === 'string' && sub.startsWith('user:') ? sub : undefined;
}
