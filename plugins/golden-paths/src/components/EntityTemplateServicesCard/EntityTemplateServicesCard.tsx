import type { CSSProperties } from 'react';
import { Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import {
  EntityInfoCard,
  useEntity,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { Flex, Link, Text } from '@backstage/ui';
import { LoadErrorAlert } from '@finops/ui';
import {
  TEMPLATE_VERSION_ANNOTATION,
  templateVersionOf,
} from '../../annotations';
import { countDrift, type TemplateService } from '../../goldenPaths';
import { useTemplateServices } from '../../hooks';
import { rootRouteRef } from '../../routes';
import { isBehind, parseVersion } from '../../versions';
import { DriftCounts } from '../DriftCounts';
import { DriftStatusPill } from '../DriftStatusPill';

/** Enough to act on from the overview; the page lists them all. */
export const BEHIND_LISTED = 10;

const listStyle: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  gap: 'var(--bui-space-2)',
  listStyle: 'none',
  margin: 0,
  padding: 0,
};

function BehindList(props: { services: TemplateService[] }) {
  const entityLink = useEntityRefLink();
  const behind = props.services.filter(service => isBehind(service.drift));
  if (behind.length === 0) {
    return (
      <Text variant="body-small">
        No service is behind the current version.
      </Text>
    );
  }
  const more = behind.length - BEHIND_LISTED;
  return (
    <Flex direction="column" gap="2">
      <Text variant="body-small" weight="bold">
        Behind the current version
      </Text>
      <ul aria-label="Services behind" style={listStyle}>
        {behind.slice(0, BEHIND_LISTED).map(service => (
          <li key={service.id}>
            <Flex gap="2" align="center" justify="between">
              <Flex direction="column" gap="0">
                <Link href={entityLink(service.id)}>{service.title}</Link>
                <Text variant="body-x-small" color="secondary">
                  created from {service.version?.trim()}
                </Text>
              </Flex>
              <DriftStatusPill drift={service.drift} />
            </Flex>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <Text variant="body-small" color="secondary">
          and {more} more
        </Text>
      )}
    </Flex>
  );
}

/**
 * On a template: how many services created from it are at each version
 * status, and which are behind.
 */
export function EntityTemplateServicesCard() {
  const { entity } = useEntity();
  const { value, loading, error, retry } = useTemplateServices(entity);
  const goldenPathsPage = useRouteRef(rootRouteRef);
  const version = templateVersionOf(entity);

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <LoadErrorAlert
        title="Could not load the services created from this template"
        error={error}
        onRetry={retry}
      />
    );
  } else if (value?.length === 0) {
    content = (
      <Text color="secondary">
        No service records that it was created from this template yet.
      </Text>
    );
  } else if (value) {
    content = (
      <Flex direction="column" gap="4">
        <DriftCounts counts={countDrift(value)} />
        <BehindList services={value} />
      </Flex>
    );
  }

  return (
    <EntityInfoCard
      title="Services from this template"
      footerActions={
        goldenPathsPage && (
          <Link href={goldenPathsPage()}>All golden paths</Link>
        )
      }
    >
      <Flex direction="column" gap="4">
        <Text variant="body-small" color="secondary">
          {parseVersion(version)
            ? `Current version ${version?.trim()}`
            : `This template declares no MAJOR.MINOR.PATCH version in ${TEMPLATE_VERSION_ANNOTATION}, so services cannot be compared with it.`}
        </Text>
        {content}
      </Flex>
    </EntityInfoCard>
  );
}
