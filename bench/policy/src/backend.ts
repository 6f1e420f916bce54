/*
 * The smallest real backend that serves our policy-check endpoint: the
 * policy backend plugin and the core services createBackend() brings (HTTP
 * router with its default middleware, static-token auth, database). Started
 * as a child process by main.ts with a generated app-config, once with the
 * embedded evaluator and once with the server evaluator, so the benchmark
 * measures what a production replica does per decision, minus other plugins.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();
backend.add(import('@finops/plugin-policy-backend'));
backend.start();
