import { Flex, Switch } from '@backstage/ui';

export interface GoldenPathFilterValues {
  /** Only services owned by the signed-in user or their groups. */
  onlyMine: boolean;
  /** Only services behind their template's current version. */
  onlyBehind: boolean;
}

/**
 * Which services the Golden paths page lists. "Only mine" waits until the
 * user's groups are known.
 */
export function GoldenPathFilters(props: {
  value: GoldenPathFilterValues;
  onChange: (value: GoldenPathFilterValues) => void;
  ownershipKnown: boolean;
}) {
  const { value, onChange, ownershipKnown } = props;
  return (
    <Flex gap="5" align="center" role="group" aria-label="Filter services">
      <Switch
        label="Only mine"
        isSelected={value.onlyMine}
        isDisabled={!ownershipKnown}
        onChange={onlyMine => onChange({ ...value, onlyMine })}
      />
      <Switch
        label="Only behind"
        isSelected={value.onlyBehind}
        onChange={onlyBehind => onChange({ ...value, onlyBehind })}
      />
    </Flex>
  );
}
