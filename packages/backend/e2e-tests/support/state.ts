import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * What global setup started, for the tests to find: one backend per
 * database, and the static service token they accept.
 */
export interface E2EState {
  serviceToken: string;
  /** events.modules.github.webhookSecret of both backends. */
  webhookSecret: string;
  backends: Record<'sqlite' | 'postgres', { url: string; logFile: string }>;
}

export const E2E_STATE_DIR = resolve(__dirname, '../../../../.local/e2e');
/** Screenshots of the portal for people to look at; git-ignored. */
export const E2E_SCREENSHOTS_DIR = resolve(
  __dirname,
  '../../../../e2e-screenshots',
);
export const E2E_STATE_FILE = resolve(E2E_STATE_DIR, 'state.json');

export function readE2EState(): E2EState {
  return JSON.parse(readFileSync(E2E_STATE_FILE, 'utf8'));
}
