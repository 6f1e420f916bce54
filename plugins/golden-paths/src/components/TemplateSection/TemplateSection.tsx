import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { Card, CardBody, CardHeader, Flex, Link, Text } from '@backstage/ui';
import {
  countBehind,
  countDrift,
  type GoldenPathGroup,
  type TemplateService,
} from '../../goldenPaths';
import { parseVersion } from '../../versions';
import { TemplateServicesTable } from '../TemplateServicesTable';

/** The title of the group of services whose template is gone. */
const UNKNOWN_TEMPLATE_TITLE = 'Unknown template';

/** "3 of your services · 1 current · 2 behind", exceptions only when any. */
function summary(services: TemplateService[], onlyMine: boolean): string {
  const counts = countDrift(services);
  const noun = services.length === 1 ? 'service' : 'services';
  return [
    `${services.length} ${onlyMine ? 'of your ' : ''}${noun}`,
    `${counts.current} current`,
    `${countBehind(services)} behind`,
    counts.ahead > 0 && `${counts.ahead} ahead`,
    counts.unknown > 0 && `${counts.unknown} unknown`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Why the table is empty: nothing in scope, or nothing in scope behind. */
function emptyText(inScope: number, onlyMine: boolean): string {
  if (inScope === 0) {
    return onlyMine
      ? 'None of your services were created from this template.'
      : 'No service records that it was created from this template yet.';
  }
  return onlyMine
    ? 'None of your services is behind the current version.'
    : 'No service is behind the current version.';
}

/** "Current version 2.3.0", or what is wrong with the declared version. */
function versionText(version: string | undefined): string {
  if (!version?.trim()) {
    return 'Version not declared';
  }
  return parseVersion(version)
    ? `Current version ${version.trim()}`
    : `Declares version "${version.trim()}", not MAJOR.MINOR.PATCH`;
}

function TemplateHeading(props: { group: GoldenPathGroup }) {
  const { template } = props.group;
  const entityLink = useEntityRefLink();
  if (!template) {
    return (
      <Flex direction="column" gap="1">
        <Text as="h2" variant="title-small">
          {UNKNOWN_TEMPLATE_TITLE}
        </Text>
        <Text variant="body-small" color="secondary">
          Services naming a source template the catalog does not have: it was
          deleted, renamed or never registered.
        </Text>
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="1">
      <Text as="h2" variant="title-small">
        <Link href={entityLink(template.ref)}>{template.title}</Link>
      </Text>
      <Text variant="body-small" color="secondary">
        {versionText(template.version)}
        {template.type && ` · ${template.type}`}
      </Text>
    </Flex>
  );
}

/**
 * One golden path: its template, how many services it created are current
 * or behind, and those services. `inScope` are the services counted (the
 * user's own with "only mine"), `shown` those listed.
 */
export function TemplateSection(props: {
  group: GoldenPathGroup;
  inScope: TemplateService[];
  shown: TemplateService[];
  onlyMine: boolean;
}) {
  const { group, inScope, shown, onlyMine } = props;
  return (
    <section aria-label={group.template?.title ?? UNKNOWN_TEMPLATE_TITLE}>
      <Card>
        <CardHeader>
          <Flex justify="between" align="start" gap="4">
            <TemplateHeading group={group} />
            <Text variant="body-small" style={{ whiteSpace: 'nowrap' }}>
              {summary(inScope, onlyMine)}
            </Text>
          </Flex>
        </CardHeader>
        <CardBody>
          <TemplateServicesTable
            services={shown}
            showTemplate={!group.template}
            emptyText={emptyText(inScope.length, onlyMine)}
          />
        </CardBody>
      </Card>
    </section>
  );
}
