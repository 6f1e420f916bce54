import type { ComplianceStatus } from '@finops/plugin-policy-common';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import HelpIcon from '@material-ui/icons/Help';
import ScheduleIcon from '@material-ui/icons/Schedule';
import { StatusPill, type StatusTone } from '@finops/ui';

const presentation: Record<
  ComplianceStatus,
  { label: string; tone: StatusTone; icon: JSX.Element }
> = {
  pass: {
    label: 'Compliant',
    tone: 'success',
    icon: <CheckCircleIcon fontSize="inherit" />,
  },
  fail: {
    label: 'Non-compliant',
    tone: 'danger',
    icon: <ErrorIcon fontSize="inherit" />,
  },
  // Never green: nobody knows whether the entity complies.
  unknown: {
    label: 'Unknown',
    tone: 'warning',
    icon: <HelpIcon fontSize="inherit" />,
  },
  'not-evaluated': {
    label: 'Not evaluated yet',
    tone: 'neutral',
    icon: <ScheduleIcon fontSize="inherit" />,
  },
};

/** The entity's compliance status as a coloured label. */
export function ComplianceStatusChip(props: { status: ComplianceStatus }) {
  const { label, tone, icon } = presentation[props.status];
  return (
    <StatusPill tone={tone} icon={icon}>
      {label}
    </StatusPill>
  );
}
