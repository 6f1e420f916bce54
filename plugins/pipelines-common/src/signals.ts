/**
 * The signals channel on which the pipelines backend says which entities'
 * runs, deployments or deploy requests changed: at most one message a
 * second per backend instance, whatever the delivery rate, so that a burst
 * of webhooks does not become a burst of signals.
 */
export const PIPELINES_SIGNAL_CHANNEL = 'pipelines';

/** What changed for one entity. */
export type PipelineChange = 'runs' | 'deployments' | 'changes' | 'requests';

/** The message on {@link PIPELINES_SIGNAL_CHANNEL}. */
export type PipelinesSignal = {
  entities: Array<{ entityRef: string; changes: PipelineChange[] }>;
};
