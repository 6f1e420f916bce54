import { Command } from 'commander';
import { revokeToken } from '../../auth/oidc';
import { CliError } from '../../lib/CliError';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';
import { NO_PORTAL_MESSAGE } from '../../portal/portalUrl';

export function registerLogout(parent: Command, kit: CommandKit) {
  leaf(
    parent
      .command('logout')
      .description(
        "Forget this portal's stored credentials (and revoke the session's refresh token)",
      )
      .action(action(kit.deps, kit.state, logout)),
    [
      ['sign out of the current portal', 'finops logout'],
      [
        'sign out of another one',
        'finops logout --portal https://staging-portal.example.com',
      ],
    ],
  );
}

async function logout(context: CommandContext) {
  const portalUrl = await context.portalUrl();
  if (!portalUrl) throw CliError.usage(NO_PORTAL_MESSAGE);
  // Before the credentials go: the session finds the portal through them.
  const session = await context.session();
  const removed = await context.store.remove(portalUrl);
  let revoked = false;
  if (
    removed?.kind === 'user' &&
    removed.refreshToken &&
    removed.revocationEndpoint
  ) {
    revoked = await revokeToken(
      removed.revocationEndpoint,
      removed.refreshToken,
      removed.clientId,
      session.httpFetch,
    );
  }
  const envTokenSet = Boolean(context.env.FINOPS_TOKEN?.trim());
  const { output } = context;
  output.result(
    { portal: portalUrl, removed: Boolean(removed), revoked, envTokenSet },
    () => {
      output.line(
        removed
          ? `Signed out of ${portalUrl}${
              revoked ? ' (the session was revoked)' : ''
            }.`
          : `Nothing stored for ${portalUrl}.`,
      );
      if (envTokenSet) {
        output.line(
          'FINOPS_TOKEN is still set: commands in this shell keep using it.',
        );
      }
    },
  );
}
