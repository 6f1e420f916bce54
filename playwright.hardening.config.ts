import { defineConfig } from '@playwright/test';

/**
 * Hardening tests run by scripts/test.sh (no browser): two replicas of the
 * real backend on one PostgreSQL, a backup and restore drill, and faults
 * (kill -9, the database, OPA, Vault and Prometheus stopped and started).
 * One worker starts the backends once and the files share them, in the
 * order of their names.
 */
export default defineConfig({
  testDir: 'packages/backend/hardening-tests',
  testMatch: '*.test.ts',
  timeout: 240_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '.local/hardening-results',
});
