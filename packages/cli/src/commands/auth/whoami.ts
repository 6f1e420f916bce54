import { Command } from 'commander';
import { CliError } from '../../lib/CliError';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';
import { notSignedInMessage } from '../../portal/responseErrors';
import { checkToken } from './verifyToken';

export function registerWhoami(parent: Command, kit: CommandKit) {
  leaf(
    parent
      .command('whoami')
      .description(
        'Show who the portal takes you for: a user and their groups, or a service token',
      )
      .action(action(kit.deps, kit.state, whoami)),
    [
      ['who am I on the current portal', 'finops whoami'],
      ['the same, for a script', 'finops whoami --json'],
    ],
  );
}

async function whoami(context: CommandContext) {
  const session = await context.session();
  const credentials = await session.credentials();
  const { output } = context;
  if (credentials.kind === 'none') {
    throw CliError.notSignedIn(
      notSignedInMessage({ portalUrl: session.portalUrl, credentials: 'none' }),
    );
  }

  if (credentials.kind === 'user') {
    const oidc = await session.oidc();
    const info = await session.read<{
      claims?: { sub?: string; ent?: string[] };
    }>(await session.fetchApi.fetch(oidc.userinfoEndpoint));
    const user = info.claims?.sub ?? credentials.userEntityRef;
    const ownership = (info.claims?.ent ?? []).filter(ref => ref !== user);
    const expiresAt = new Date(credentials.expiresAt).toISOString();
    output.result(
      {
        portal: session.portalUrl,
        kind: 'user',
        userEntityRef: user,
        ownershipEntityRefs: info.claims?.ent ?? [],
        expiresAt,
        refreshable: credentials.refreshable,
      },
      () => {
        output.line(output.style.bold(user));
        output.line(`  portal:     ${session.portalUrl}`);
        if (ownership.length > 0) {
          output.line(`  member of:  ${ownership.join(', ')}`);
        }
        output.line(
          `  session:    token valid until ${new Date(
            credentials.expiresAt,
          ).toLocaleString()}${
            credentials.refreshable ? ', renewed automatically' : ''
          }`,
        );
      },
    );
    return;
  }

  const check = await checkToken(context);
  const source =
    credentials.kind === 'env' ? 'FINOPS_TOKEN' : context.store.file;
  output.result(
    { portal: session.portalUrl, kind: 'service', source, ...check },
    () => {
      output.line(output.style.bold('a service (static access token)'));
      output.line(`  portal:     ${session.portalUrl}`);
      output.line(`  token from: ${source}`);
      output.line(`  accepted:   yes${check.note ? ` (${check.note})` : ''}`);
    },
  );
}
