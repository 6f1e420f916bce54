import { Command } from 'commander';
import { signInWithBrowser } from '../../auth/browserSignIn';
import { userEntityRefOf, readJwtClaims } from '../../auth/jwtClaims';
import { StoredCredentials } from '../../auth/CredentialStore';
import { CliError } from '../../lib/CliError';
import { ExitCode } from '../../lib/exitCodes';
import { action } from '../../program/action';
import { CommandContext } from '../../program/context';
import { positiveSeconds, leaf } from '../../program/help';
import { CommandKit } from '../../program/registry';
import { checkToken } from './verifyToken';

interface LoginOptions {
  tokenStdin?: boolean;
  save?: boolean;
  browser: boolean;
  wait: number;
}

const DEFAULT_WAIT_SECONDS = 300;

export function registerLogin(parent: Command, kit: CommandKit) {
  leaf(
    parent
      .command('login')
      .description(
        'Sign in to the portal: in a browser (people), or with a static access token (CI)',
      )
      .option(
        '--token-stdin',
        'read a static access token from stdin and store it',
      )
      .option(
        '--save',
        'store the token in FINOPS_TOKEN (otherwise it is only checked)',
      )
      .option('--no-browser', 'print the sign-in URL instead of opening it')
      .option(
        '--wait <seconds>',
        'how long to wait for the browser sign-in',
        positiveSeconds,
        DEFAULT_WAIT_SECONDS,
      )
      .addHelpText(
        'after',
        "\nWithout a token, finops opens the portal's sign-in in a browser and waits for it to\n" +
          'return to a loopback address on this machine (OAuth 2.0 with PKCE, like the\n' +
          'Backstage CLI). Over SSH, forward that port first (ssh -L 8055:127.0.0.1:8055).\n' +
          'Credentials are stored in $XDG_CONFIG_HOME/finops/credentials.json (mode 0600).\n' +
          'FINOPS_TOKEN, when set, is used by every command and never stored unless --save.',
      )
      .action(action(kit.deps, kit.state, login)),
    [
      [
        'sign in through the browser',
        'finops login --portal https://portal.example.com',
      ],
      [
        'on a machine without a browser: print the URL',
        'finops login --no-browser',
      ],
      [
        'CI: check the token in FINOPS_TOKEN',
        'FINOPS_TOKEN=... finops login --portal https://portal.example.com',
      ],
      [
        'store a token read from a secret manager',
        'vault kv get -field=token ci/finops | finops login --token-stdin',
      ],
    ],
  );
}

async function login(context: CommandContext, options: LoginOptions) {
  const session = await context.session();
  const { output } = context;

  if (options.tokenStdin) {
    const token = (await context.deps.readStdin()).trim();
    if (!token) throw CliError.usage('No token on stdin: pipe the token in');
    return storeToken(context, token, 'stdin');
  }
  const fromEnv = context.env.FINOPS_TOKEN?.trim();
  if (fromEnv) {
    if (options.save) return storeToken(context, fromEnv, 'FINOPS_TOKEN');
    const check = await checkToken(context);
    output.result(
      {
        portal: session.portalUrl,
        kind: 'service',
        source: 'FINOPS_TOKEN',
        stored: false,
        ...check,
      },
      () => {
        output.line(
          `The portal at ${session.portalUrl} accepts the token in FINOPS_TOKEN.`,
        );
        if (check.note) output.line(`Note: ${check.note}.`);
        output.line(
          'It is not stored: every command reads FINOPS_TOKEN. Pass --save to store it.',
        );
      },
    );
    return undefined;
  }

  const signedIn = await signInWithBrowser({
    session,
    openBrowser: context.deps.openBrowser,
    noBrowser: !options.browser,
    waitMs: options.wait * 1000,
    announce: text => output.progress(text),
    now: context.deps.now,
  });
  await context.store.save(session.portalUrl, signedIn);
  output.result(
    {
      portal: session.portalUrl,
      kind: 'user',
      userEntityRef: signedIn.userEntityRef,
      expiresAt: new Date(signedIn.accessTokenExpiresAt).toISOString(),
      refreshable: Boolean(signedIn.refreshToken),
      credentialsFile: context.store.file,
    },
    () => {
      output.line(
        `${output.style.green('✔')} Signed in to ${
          session.portalUrl
        } as ${output.style.bold(signedIn.userEntityRef)}.`,
      );
      output.line(
        signedIn.refreshToken
          ? 'The session renews itself until you run finops logout.'
          : `The session ends at ${new Date(
              signedIn.accessTokenExpiresAt,
            ).toLocaleTimeString()} (the portal does not allow offline access).`,
      );
    },
  );
  return undefined;
}

async function storeToken(
  context: CommandContext,
  token: string,
  source: 'stdin' | 'FINOPS_TOKEN',
) {
  const session = await context.session();
  // Check the token by itself, whatever FINOPS_TOKEN says.
  const probe = new CommandContext(
    { ...context.deps, env: { ...context.env, FINOPS_TOKEN: token } },
    context.options,
  );
  const check = await checkToken(probe).catch(async error => {
    const explained = await (await probe.session()).explain(error);
    if (
      explained instanceof CliError &&
      explained.exitCode === ExitCode.NotSignedIn
    ) {
      throw CliError.notSignedIn(
        `The portal at ${session.portalUrl} rejected the token from ${source}: check it; nothing was stored`,
      );
    }
    throw explained;
  });
  const userEntityRef = userEntityRefOf(token);
  const expiresAt = readJwtClaims(token)?.exp;
  const credentials: StoredCredentials =
    userEntityRef && expiresAt
      ? {
          kind: 'user',
          userEntityRef,
          accessToken: token,
          accessTokenExpiresAt: expiresAt * 1000,
          clientId: '',
          tokenEndpoint: '',
          signedInAt: context.now().toISOString(),
        }
      : { kind: 'static', token, savedAt: context.now().toISOString() };
  await context.store.save(session.portalUrl, credentials);
  const { output } = context;
  output.result(
    {
      portal: session.portalUrl,
      kind: credentials.kind === 'user' ? 'user' : 'service',
      source,
      stored: true,
      credentialsFile: context.store.file,
      ...(userEntityRef && { userEntityRef }),
      ...check,
    },
    () => {
      output.line(
        `${output.style.green('✔')} The portal at ${
          session.portalUrl
        } accepts the token from ${source}; stored in ${context.store.file}.`,
      );
      if (check.note) output.line(`Note: ${check.note}.`);
    },
  );
}
