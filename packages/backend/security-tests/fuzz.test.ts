import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  FUZZ_REPORT_DIR,
  readSecurityState,
  REPO_ROOT,
  SECURITY_STATE_DIR,
} from './support/state';

/**
 * Every custom route of every plugin, fuzzed from its OpenAPI spec by
 * schemathesis (tools/fuzz: the pinned version, its configuration) against
 * the real backend: as the static service token, and as a signed-in person
 * (the guest), who gets past the "people only" checks into the routes'
 * logic. Checks: no 5xx, every response in its documented schema, only
 * documented status codes.
 */
const PLUGINS = ['health', 'pipelines', 'policy', 'secrets'];

/** Per operation and phase; FINOPS_FUZZ_MAX_EXAMPLES to dig deeper. */
const MAX_EXAMPLES = process.env.FINOPS_FUZZ_MAX_EXAMPLES ?? '60';
/** Fixed, so that CI fails only on a change; FINOPS_FUZZ_SEED to explore. */
const SEED = process.env.FINOPS_FUZZ_SEED ?? '20261129';
const VENV =
  process.env.FINOPS_FUZZ_VENV ?? join(REPO_ROOT, '.tools/fuzz-venv');

async function schemathesis(
  plugin: string,
  identity: string,
  token: string,
  baseUrl: string,
) {
  const child = spawn(
    join(VENV, 'bin/schemathesis'),
    [
      '--config-file',
      join(REPO_ROOT, 'tools/fuzz/schemathesis.toml'),
      'run',
      join(REPO_ROOT, `plugins/${plugin}-backend/src/schema/openapi.yaml`),
      '--url',
      `${baseUrl}/api/${plugin}`,
      '--max-examples',
      MAX_EXAMPLES,
      '--seed',
      SEED,
      '--report',
      'junit,ndjson',
      '--report-dir',
      join(FUZZ_REPORT_DIR, `${plugin}-${identity}`),
    ],
    {
      // Its example database (.schemathesis/) stays with the run's state.
      cwd: SECURITY_STATE_DIR,
      env: {
        ...process.env,
        FINOPS_FUZZ_TOKEN: token,
        NO_COLOR: '1',
        COLUMNS: '120',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', d => {
    output += d;
  });
  child.stderr.on('data', d => {
    output += d;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const generated = Number(/(\d+) generated/.exec(output)?.[1] ?? 0);
  return { code, output, generated };
}

async function guestToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`);
  expect(res.status).toBe(200);
  return (await res.json()).backstageIdentity.token;
}

for (const plugin of PLUGINS) {
  test(`${plugin}: every route holds up against generated input`, async ({}, testInfo) => {
    const state = readSecurityState();
    const identities: Array<[string, string]> = [
      ['service', state.serviceToken],
      ['user', await guestToken(state.url)],
    ];
    for (const [identity, token] of identities) {
      const run = await schemathesis(plugin, identity, token, state.url);
      await testInfo.attach(`schemathesis ${plugin} as ${identity}`, {
        body: run.output,
        contentType: 'text/plain',
      });
      testInfo.annotations.push({
        type: 'fuzz',
        description: `${plugin} as ${identity}: ${run.generated} test cases (seed ${SEED}, max ${MAX_EXAMPLES} per operation and phase)`,
      });
      console.log(
        `${plugin} as ${identity}: ${run.generated} test cases, exit ${run.code}`,
      );
      // On failure: schemathesis's report of each finding, with a curl
      // command that reproduces it (credentials masked).
      expect(run.code, run.output.slice(-20_000)).toBe(0);
      // An empty run passes as well; so few cases means a spec that did
      // not load.
      expect(run.generated).toBeGreaterThan(Number(MAX_EXAMPLES));
    }
  });
}
