import { defineConfig } from '@playwright/test';

/**
 * The security suite (scripts/lib/security-checks.sh): global setup starts
 * one real backend on PostgreSQL; the attacks (OpenAPI fuzzing with
 * schemathesis, the unauthenticated sweep, hostile webhooks) run against
 * it, and the leak scan runs last, over everything this suite and the
 * suites before it (end-to-end, hardening) left in .local/.
 */
export default defineConfig({
  globalSetup: './packages/backend/security-tests/support/globalSetup.ts',
  testDir: 'packages/backend/security-tests',
  timeout: 300_000,
  forbidOnly: !!process.env.CI,
  // Two cores: one worker keeps the backend responsive.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '.local/security/results',
  use: { trace: 'off' },
  projects: [
    { name: 'attacks', testMatch: /(fuzz|unauthenticated|webhooks)\.test\.ts/ },
    {
      name: 'leak-scan',
      testMatch: /leakScan\.test\.ts/,
      dependencies: ['attacks'],
    },
  ],
});
