import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * What the security suite's global setup started, for the tests to find:
 * one backend on PostgreSQL, and the credentials and secrets it was given.
 */
export interface SecurityState {
  url: string;
  logFile: string;
  databaseUrl: string;
  serviceToken: string;
  webhookSecret: string;
  vault: { url: string; rootToken: string };
}

export const REPO_ROOT = resolve(__dirname, '../../../..');
export const LOCAL_DIR = resolve(REPO_ROOT, '.local');
export const SECURITY_STATE_DIR = resolve(LOCAL_DIR, 'security');
export const SECURITY_STATE_FILE = resolve(SECURITY_STATE_DIR, 'state.json');
/** Every HTTP response the suite's own requests got, one JSON per line. */
export const RESPONSES_FILE = resolve(SECURITY_STATE_DIR, 'responses.ndjson');
/** schemathesis's reports (its requests with credentials masked). */
export const FUZZ_REPORT_DIR = resolve(SECURITY_STATE_DIR, 'fuzz');

export function readSecurityState(): SecurityState {
  return JSON.parse(readFileSync(SECURITY_STATE_FILE, 'utf8'));
}
