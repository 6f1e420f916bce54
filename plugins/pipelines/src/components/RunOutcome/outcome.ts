import type { ComponentType } from 'react';
import BlockIcon from '@material-ui/icons/Block';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import HourglassEmptyIcon from '@material-ui/icons/HourglassEmpty';
import PanToolIcon from '@material-ui/icons/PanTool';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import SyncIcon from '@material-ui/icons/Sync';
import TimerOffIcon from '@material-ui/icons/TimerOff';
import type { StatusTone } from '@finops/ui';

/** How a run, job or step ended (or where it is), as a person reads it. */
export interface Outcome {
  label: string;
  tone: StatusTone;
  Icon: ComponentType<{ fontSize?: 'inherit' | 'small'; style?: object }>;
}

const CONCLUSIONS: Record<string, Outcome> = {
  success: { label: 'Succeeded', tone: 'success', Icon: CheckCircleIcon },
  failure: { label: 'Failed', tone: 'danger', Icon: CancelIcon },
  startup_failure: {
    label: 'Startup failure',
    tone: 'danger',
    Icon: CancelIcon,
  },
  timed_out: { label: 'Timed out', tone: 'danger', Icon: TimerOffIcon },
  cancelled: { label: 'Cancelled', tone: 'neutral', Icon: BlockIcon },
  skipped: {
    label: 'Skipped',
    tone: 'neutral',
    Icon: RemoveCircleOutlineIcon,
  },
  action_required: {
    label: 'Action required',
    tone: 'warning',
    Icon: PanToolIcon,
  },
  neutral: { label: 'Neutral', tone: 'neutral', Icon: HelpOutlineIcon },
  stale: { label: 'Stale', tone: 'neutral', Icon: HelpOutlineIcon },
};

const STATUSES: Record<string, Outcome> = {
  in_progress: { label: 'In progress', tone: 'info', Icon: SyncIcon },
  queued: { label: 'Queued', tone: 'neutral', Icon: HourglassEmptyIcon },
  pending: { label: 'Pending', tone: 'neutral', Icon: HourglassEmptyIcon },
  requested: { label: 'Requested', tone: 'neutral', Icon: HourglassEmptyIcon },
  waiting: { label: 'Waiting', tone: 'warning', Icon: PanToolIcon },
};

/**
 * GitHub reports a `status` while a run is going and a `conclusion` once it
 * has completed; the conclusion is what matters when there is one.
 */
export function outcomeOf(status: string, conclusion: string | null): Outcome {
  if (conclusion) {
    return (
      CONCLUSIONS[conclusion] ?? {
        label: conclusion,
        tone: 'neutral',
        Icon: HelpOutlineIcon,
      }
    );
  }
  return (
    STATUSES[status] ?? {
      label: status === 'completed' ? 'Completed' : status,
      tone: 'neutral',
      Icon: HelpOutlineIcon,
    }
  );
}
