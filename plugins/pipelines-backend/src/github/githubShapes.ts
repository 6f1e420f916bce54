import { z } from 'zod';

/* The REST answers the client reads, as GitHub documents them. */

/**
 * A workflow run as the REST API lists it: the same object as a
 * `workflow_run` delivery's, checked by the ingestion's schema before it
 * is stored. Only what the client itself reads is typed.
 */
export interface GithubWorkflowRun {
  id: number;
  [field: string]: unknown;
}

/** A job as the REST API lists it: the `workflow_job` delivery's object. */
export interface GithubJob {
  id: number;
  [field: string]: unknown;
}

export interface GithubArtifact {
  id: number;
  name: string;
  sizeBytes: number;
  /** `sha256:…`; null for artifacts uploaded before GitHub kept digests. */
  digest: string | null;
  /** Where a person downloads it in the browser (the API link needs a token). */
  url: string;
  expired: boolean;
  createdAt: number | null;
}

export const runPage = z.object({
  total_count: z.number(),
  workflow_runs: z.array(z.object({ id: z.number() }).passthrough()),
});
export const jobPage = z.object({
  total_count: z.number(),
  jobs: z.array(z.object({ id: z.number() }).passthrough()),
});
/** Bounded as the `pipeline_artifacts` columns are. */
export const artifact = z.object({
  id: z.number(),
  name: z.string().min(1).max(255),
  size_in_bytes: z.number().int().nonnegative(),
  digest: z.string().max(128).nullish(),
  expired: z.boolean(),
  created_at: z.iso.datetime({ offset: true }).nullish(),
});
export const artifactPage = z.object({
  total_count: z.number(),
  artifacts: z.array(z.unknown()),
});
