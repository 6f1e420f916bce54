import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  PIPELINES_SIGNAL_CHANNEL,
  type PipelineChange,
  type PipelinesSignal,
} from '@finops/plugin-pipelines-common';

export type { PipelineChange };

/**
 * Calls `onUpdate` whenever the pipelines backend signals that the entity's
 * runs, deployments or deploy requests changed (a webhook delivery was
 * stored, someone asked for or reviewed a deploy), so that an open tab
 * shows it without a reload. The signal lists every entity that changed in
 * the last second; others' changes are ignored. Without the signals plugin
 * it does nothing.
 */
export function usePipelineUpdates(
  entityRef: string,
  onUpdate: (changes: PipelineChange[]) => void,
): void {
  const { lastSignal } = useSignal<PipelinesSignal>(PIPELINES_SIGNAL_CHANNEL);
  const latest = useRef(onUpdate);
  latest.current = onUpdate;
  useEffect(() => {
    const ref = entityRef.toLocaleLowerCase('en-US');
    const mine = lastSignal?.entities?.find(
      e => e.entityRef.toLocaleLowerCase('en-US') === ref,
    );
    if (mine) {
      latest.current(mine.changes);
    }
  }, [lastSignal, entityRef]);
}
