import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run by scripts/test.sh. Global setup starts the real
 * backend on SQLite and on PostgreSQL, each serving the built app; the
 * browser is Debian's Chromium (never a downloaded one).
 */
export default defineConfig({
  globalSetup: './packages/backend/e2e-tests/support/globalSetup.ts',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  // Two cores: one worker keeps the backends responsive.
  workers: 1,
  // One retry in CI: a test that passes only on its retry is reported as
  // flaky, and scripts/test.sh repeats its name at the end of the run.
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  outputDir: '.local/e2e/results',
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.FINOPS_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'backend',
      testDir: 'packages/backend/e2e-tests',
      testMatch: 'catalog.test.ts',
    },
    {
      name: 'templates',
      testDir: 'packages/backend/e2e-tests',
      testMatch: 'templates.test.ts',
    },
    {
      name: 'portal',
      testDir: 'packages/backend/e2e-tests',
      testMatch: 'portal.test.ts',
    },
    {
      name: 'cli',
      testDir: 'packages/cli/e2e-tests',
      testMatch: 'cli.test.ts',
    },
  ],
});
