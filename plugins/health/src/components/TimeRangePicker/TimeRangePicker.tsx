import { ToggleButton, ToggleButtonGroup } from '@backstage/ui';
import type { SignalRange } from '../../api';
import { SIGNAL_RANGES } from '../../ranges';

/** How far back the golden signals reach, from 15 minutes to 28 days. */
export function TimeRangePicker(props: {
  range: SignalRange;
  onChange: (range: SignalRange) => void;
}) {
  const { range, onChange } = props;
  return (
    <ToggleButtonGroup
      aria-label="Time range"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[range]}
      onSelectionChange={keys => {
        const [key] = [...keys];
        const picked = SIGNAL_RANGES.find(r => r.id === key);
        if (picked) {
          onChange(picked.id);
        }
      }}
    >
      {SIGNAL_RANGES.map(r => (
        <ToggleButton key={r.id} id={r.id}>
          {r.short}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
