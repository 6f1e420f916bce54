import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';
import { signalChannel } from '@finops/plugin-pipelines-common';

/** What the pipelines backend says changed for an entity. */
export type PipelineChange = 'runs' | 'deployments' | 'changes' | 'requests';

/**
 * Calls `onUpdate` whenever the pipelines backend signals that the entity's
 * runs, deployments or deploy requests changed (a webhook delivery was
 * stored, someone asked for or reviewed a deploy), so that an open tab
 * shows it without a reload. Without the signals plugin it does nothing.
 */
export function usePipelineUpdates(
  entityRef: string,
  onUpdate: (changes: PipelineChange[]) => void,
): void {
  const { lastSignal } = useSignal<{
    entityRef: string;
    changes: PipelineChange[];
  }>(signalChannel(entityRef));
  const latest = useRef(onUpdate);
  latest.current = onUpdate;
  useEffect(() => {
    if (lastSignal) {
      latest.current(lastSignal.changes ?? []);
    }
  }, [lastSignal]);
}
