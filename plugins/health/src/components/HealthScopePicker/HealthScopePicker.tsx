import { Select } from '@backstage/ui';
import type { HealthScope } from '../../hooks';

/** "owner|group:default/payments": a scope as one Select key. */
const scopeKey = (scope: HealthScope) => `${scope.kind}|${scope.ref}`;

/** The Health page's question: whose components, a team's or a system's. */
export function HealthScopePicker(props: {
  scopes: HealthScope[];
  scope?: HealthScope;
  onChange: (scope: HealthScope | undefined) => void;
}) {
  const { scopes, scope, onChange } = props;
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
    <div style={{ minWidth: 280, maxWidth: 420 }}>
      <Select
        label="Team or system"
        placeholder="Pick a team or a system"
        searchable
        options={options}
        value={scope ? scopeKey(scope) : null}
        onChange={key => onChange(scopes.find(s => scopeKey(s) === key))}
      />
    </div>
  );
}
