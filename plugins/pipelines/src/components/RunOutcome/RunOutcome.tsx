import { VisuallyHidden } from '@backstage/ui';
import { toneColor } from '@finops/ui';
import { outcomeOf } from './outcome';

/** A run's, job's or step's status as a coloured icon and a word. */
export function RunOutcome(props: {
  status: string;
  conclusion: string | null;
  /** Only the icon, with the word for screen readers and on hover. */
  iconOnly?: boolean;
}) {
  const { label, tone, Icon } = outcomeOf(props.status, props.conclusion);
  return (
    <span
      data-tone={tone}
      title={props.iconOnly ? label : undefined}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 'var(--bui-space-1)',
        whiteSpace: 'nowrap',
      }}
    >
      <Icon fontSize="small" style={{ color: toneColor[tone] }} aria-hidden />
      {props.iconOnly ? <VisuallyHidden>{label}</VisuallyHidden> : label}
    </span>
  );
}
