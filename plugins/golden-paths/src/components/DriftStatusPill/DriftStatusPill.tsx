import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import HelpIcon from '@material-ui/icons/Help';
import UpdateIcon from '@material-ui/icons/Update';
import WarningIcon from '@material-ui/icons/Warning';
import { StatusPill } from '@finops/ui';
import { driftLabel, DRIFT_TONES } from '../../driftText';
import type { Drift } from '../../versions';

function DriftIcon(props: { drift: Drift }) {
  switch (props.drift.status) {
    case 'current':
      return <CheckCircleIcon fontSize="inherit" />;
    case 'ahead':
      return <WarningIcon fontSize="inherit" />;
    case 'unknown':
      return <HelpIcon fontSize="inherit" />;
    default:
      return <UpdateIcon fontSize="inherit" />;
  }
}

/** Where a service stands against its template: "2 minor versions behind". */
export function DriftStatusPill(props: { drift: Drift }) {
  const { drift } = props;
  return (
    <StatusPill
      tone={DRIFT_TONES[drift.status]}
      icon={<DriftIcon drift={drift} />}
    >
      {driftLabel(drift)}
    </StatusPill>
  );
}
