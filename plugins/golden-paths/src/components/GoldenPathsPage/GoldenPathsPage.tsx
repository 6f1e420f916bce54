import { useState } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import { LoadErrorAlert } from '@finops/ui';
import {
  SOURCE_TEMPLATE_ANNOTATION,
  TEMPLATE_VERSION_ANNOTATION,
} from '../../annotations';
import { plural } from '../../format';
import {
  countBehind,
  type GoldenPathGroup,
  type TemplateService,
} from '../../goldenPaths';
import { useGoldenPaths, useOwnershipRefs } from '../../hooks';
import { isBehind } from '../../versions';
import {
  GoldenPathFilters,
  type GoldenPathFilterValues,
} from '../GoldenPathFilters';
import { TemplateSection } from '../TemplateSection';

const HOW_IT_WORKS = `Templates declare their current version in ${TEMPLATE_VERSION_ANNOTATION}; what they create records the template in ${SOURCE_TEMPLATE_ANNOTATION} and the version it was created from in ${TEMPLATE_VERSION_ANNOTATION}.`;

/** "4 templates · 12 services · 5 behind": the whole catalog at a glance. */
function Summary(props: { groups: GoldenPathGroup[] }) {
  const services = props.groups.flatMap(group => group.services);
  const templates = props.groups.filter(group => group.template).length;
  const summary = [
    plural(templates, 'template'),
    plural(services.length, 'service'),
    `${countBehind(services)} behind the current version`,
  ].join(' · ');
  return (
    <Flex direction="column" gap="1">
      <Text weight="bold">{summary}</Text>
      <Text variant="body-small" color="secondary">
        {HOW_IT_WORKS}
      </Text>
    </Flex>
  );
}

/**
 * The Golden paths page: every template with the services created from
 * it, which of them are behind its current version and by how much, for
 * everyone or only the user's own.
 */
export function GoldenPathsPage() {
  const { value: groups, loading, error, retry } = useGoldenPaths();
  const ownershipRefs = useOwnershipRefs();
  const [filters, setFilters] = useState<GoldenPathFilterValues>({
    onlyMine: false,
    onlyBehind: false,
  });

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <LoadErrorAlert
        title="Could not load the golden paths from the catalog"
        error={error}
        onRetry={retry}
      />
    );
  }
  if (!groups?.length) {
    return (
      <EmptyState
        missing="data"
        title="No golden-path templates in the catalog"
        description={`Register the templates under templates/ to see which services are behind them. ${HOW_IT_WORKS}`}
      />
    );
  }

  const isMine = (service: TemplateService) =>
    service.owner !== undefined && !!ownershipRefs?.has(service.owner);
  const inScope = (group: GoldenPathGroup) =>
    filters.onlyMine ? group.services.filter(isMine) : group.services;

  return (
    <Flex direction="column" gap="5">
      <Flex
        justify="between"
        align="start"
        gap="4"
        style={{ flexWrap: 'wrap' }}
      >
        <Summary groups={groups} />
        <GoldenPathFilters
          value={filters}
          onChange={setFilters}
          ownershipKnown={ownershipRefs !== undefined}
        />
      </Flex>
      {groups.map(group => {
        const services = inScope(group);
        return (
          <TemplateSection
            key={group.template?.ref ?? 'unknown-template'}
            group={group}
            inScope={services}
            shown={
              filters.onlyBehind
                ? services.filter(service => isBehind(service.drift))
                : services
            }
            onlyMine={filters.onlyMine}
          />
        );
      })}
    </Flex>
  );
}
