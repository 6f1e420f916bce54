import { useMemo, useState } from 'react';
import type { ListSummaries200Response } from '@finops/plugin-health-common';
import { EmptyState, Progress } from '@backstage/core-components';
import { Alert, Flex, Text } from '@backstage/ui';
import { plural } from '../../format';
import {
  type HealthScope,
  useHealthScopes,
  useHealthSummaries,
  useSignedInGroups,
} from '../../hooks';
import { compareWorstFirst, type HealthState } from '../../status';
import { EntityHealthTable } from '../EntityHealthTable';
import { ErrorNotice } from '../ErrorNotice';
import { HealthScopePicker } from '../HealthScopePicker';

const STATUS_WORDS: Record<HealthState, string> = {
  breached: 'breached',
  warning: 'warning',
  unknown: 'unknown',
  ok: 'OK',
  none: 'without SLOs',
};

/** "4 components: 1 breached, 1 warning, 2 OK". */
function statusCounts(list: ListSummaries200Response): string {
  const counts = new Map<HealthState, number>();
  for (const item of list.items) {
    counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  }
  const parts = [...counts.entries()]
    .sort(([a], [b]) => compareWorstFirst(a, b))
    .map(([status, count]) => `${count} ${STATUS_WORDS[status]}`);
  return `${plural(list.items.length, 'component')}: ${parts.join(', ')}`;
}

function Summaries(props: { scope: HealthScope }) {
  const { scope } = props;
  const { value, loading, error, retry } = useHealthSummaries(scope);
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ErrorNotice
        title={`Could not load the health of ${scope.title}`}
        error={error}
        onRetry={retry}
      />
    );
  }
  if (!value) {
    return null;
  }
  return (
    <Flex direction="column" gap="3">
      {value.items.length > 0 && (
        <Text role="status" aria-label="Health summary" weight="bold">
          {statusCounts(value)}
        </Text>
      )}
      {value.truncated && (
        <Alert
          status="info"
          icon
          title="Showing the first 100 components"
          description={`${scope.title} has more components than one page lists. Pick a system to narrow it down.`}
        />
      )}
      <EntityHealthTable
        items={value.items}
        emptyState={
          scope.kind === 'owner'
            ? `${scope.title} owns no components you can see.`
            : `${scope.title} has no components you can see.`
        }
      />
    </Flex>
  );
}

/**
 * The Health page: the status of every component of a team or a system,
 * worst first, starting with the signed-in user's first team.
 */
export function HealthPage() {
  const scopes = useHealthScopes();
  const groups = useSignedInGroups();
  const [picked, setPicked] = useState<HealthScope>();

  // The user's first group the catalog knows, in the identity's order.
  const ownTeam = useMemo(() => {
    const byRef = new Map(
      (scopes.value ?? [])
        .filter(s => s.kind === 'owner')
        .map(s => [s.ref.toLocaleLowerCase('en-US'), s]),
    );
    return groups
      ?.map(ref => byRef.get(ref.toLocaleLowerCase('en-US')))
      .find(Boolean);
  }, [scopes.value, groups]);
  const scope = picked ?? ownTeam;
  // Until both are known, the user's own team may still be on its way.
  const deciding = scopes.loading || groups === undefined;

  if (scopes.error) {
    return (
      <ErrorNotice
        title="Could not load teams and systems from the catalog"
        error={scopes.error}
        onRetry={scopes.retry}
      />
    );
  }

  return (
    <Flex direction="column" gap="5">
      <HealthScopePicker
        scopes={scopes.value ?? []}
        scope={scope}
        onChange={setPicked}
      />
      {deciding && !scope && <Progress />}
      {!deciding && !scope && (
        <EmptyState
          missing="field"
          title="Whose health?"
          description="Pick a team to see the health of the components it owns, or a system to see that of its components."
        />
      )}
      {scope && (
        <Summaries
          // A new scope starts a new question.
          key={`${scope.kind}|${scope.ref}`}
          scope={scope}
        />
      )}
    </Flex>
  );
}
