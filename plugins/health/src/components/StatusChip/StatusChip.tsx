import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import HelpIcon from '@material-ui/icons/Help';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import WarningIcon from '@material-ui/icons/Warning';
import { StatusPill, type StatusTone } from '@finops/ui';
import type { HealthState } from '../../status';

const presentation: Record<
  HealthState,
  { label: string; tone: StatusTone; icon: JSX.Element }
> = {
  ok: {
    label: 'OK',
    tone: 'success',
    icon: <CheckCircleIcon fontSize="inherit" />,
  },
  warning: {
    label: 'Warning',
    tone: 'warning',
    icon: <WarningIcon fontSize="inherit" />,
  },
  breached: {
    label: 'Breached',
    tone: 'danger',
    icon: <ErrorIcon fontSize="inherit" />,
  },
  // Never green: nobody knows whether the service is fine.
  unknown: {
    label: 'Unknown',
    tone: 'neutral',
    icon: <HelpIcon fontSize="inherit" />,
  },
  none: {
    label: 'No SLOs',
    tone: 'neutral',
    icon: <RemoveCircleOutlineIcon fontSize="inherit" />,
  },
};

/** The colour a status is shown in, for bars and headlines beside the chip. */
export function statusTone(status: HealthState): StatusTone {
  return presentation[status].tone;
}

/** A health status (an entity's or an SLO's) as a coloured label with an icon. */
export function StatusChip(props: { status: HealthState }) {
  const { label, tone, icon } = presentation[props.status];
  return (
    <StatusPill tone={tone} icon={icon}>
      {label}
    </StatusPill>
  );
}
