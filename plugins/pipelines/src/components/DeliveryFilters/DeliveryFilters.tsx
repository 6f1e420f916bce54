import { Flex, Select, ToggleButton, ToggleButtonGroup } from '@backstage/ui';
import type { DeliveryScope } from '../../hooks';

/** The ranges DORA is usually read over: a month, a quarter, half a year, a year. */
export const RANGES = [30, 90, 180, 365] as const;
export type RangeDays = (typeof RANGES)[number];

/** "owner|group:default/payments": a scope as one Select key. */
export const scopeKey = (scope: DeliveryScope) => `${scope.kind}|${scope.ref}`;

/** The Delivery page's question: whose delivery, over how long. */
export function DeliveryFilters(props: {
  scopes: DeliveryScope[];
  scope?: DeliveryScope;
  onScopeChange: (scope: DeliveryScope | undefined) => void;
  days: RangeDays;
  onDaysChange: (days: RangeDays) => void;
}) {
  const { scopes, scope, onScopeChange, days, onDaysChange } = props;
  const options = [
    {
      title: 'Teams',
      options: scopes
        .filter(s => s.kind === 'owner')
        .map(s => ({ id: scopeKey(s), label: s.title })),
    },
    {
      title: 'Systems',
      options: scopes
        .filter(s => s.kind === 'system')
        .map(s => ({ id: scopeKey(s), label: s.title })),
    },
  ].filter(section => section.options.length > 0);

  return (
    <Flex gap="4" align="end" style={{ flexWrap: 'wrap' }}>
      <div style={{ minWidth: 280 }}>
        <Select
          label="Team or system"
          placeholder="Pick a team or a system"
          searchable
          options={options}
          value={scope ? scopeKey(scope) : null}
          onChange={key => onScopeChange(scopes.find(s => scopeKey(s) === key))}
        />
      </div>
      <ToggleButtonGroup
        aria-label="Range"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[String(days)]}
        onSelectionChange={keys => {
          const [key] = [...keys];
          if (key !== undefined) {
            onDaysChange(Number(key) as RangeDays);
          }
        }}
      >
        {RANGES.map(range => (
          <ToggleButton key={range} id={String(range)}>
            {`${range} days`}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Flex>
  );
}
