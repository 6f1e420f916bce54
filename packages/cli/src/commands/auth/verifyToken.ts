import { CommandContext } from '../../program/context';

/** How the portal took the token of a cheap authenticated call. */
export interface TokenCheck {
  accepted: boolean;
  /** When accepted but the catalog may not be read with it. */
  note?: string;
}

/**
 * One cheap call a token of any kind may make: the first entity of the
 * catalog. 401 is a rejected token (thrown as such); 403 means the portal
 * knows the token but keeps the catalog from it.
 */
export async function checkToken(context: CommandContext): Promise<TokenCheck> {
  const { catalog } = await context.clients();
  try {
    await catalog.getEntities({ limit: 1, fields: ['kind'] });
    return { accepted: true };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 403) {
      return {
        accepted: true,
        note: 'the portal knows this token but does not let it read the catalog',
      };
    }
    throw error;
  }
}
