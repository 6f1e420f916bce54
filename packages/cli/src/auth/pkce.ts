import { createHash, randomBytes } from 'node:crypto';

/**
 * PKCE (RFC 7636) with S256, the only method the portal accepts: the
 * verifier stays in this process, the authorization request carries only
 * its hash.
 */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: challengeOf(verifier) };
}

export function challengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** An unguessable `state`, matched when the browser comes back. */
export function createState(): string {
  return randomBytes(16).toString('hex');
}
