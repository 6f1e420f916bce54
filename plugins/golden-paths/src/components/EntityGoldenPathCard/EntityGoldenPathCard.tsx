import type { CSSProperties, ReactNode } from 'react';
import { Progress } from '@backstage/core-components';
import {
  EntityInfoCard,
  useEntity,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { Flex, Link, Text } from '@backstage/ui';
import { LoadErrorAlert } from '@finops/ui';
import {
  SOURCE_TEMPLATE_ANNOTATION,
  sourceTemplateRef,
  templateVersionOf,
} from '../../annotations';
import { driftHint } from '../../driftText';
import type { GoldenPathTemplate } from '../../goldenPaths';
import { useServiceTemplate } from '../../hooks';
import { classifyDrift, type Drift } from '../../versions';
import { DriftStatusPill } from '../DriftStatusPill';

const listStyle: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  columnGap: 'var(--bui-space-4)',
  rowGap: 'var(--bui-space-2)',
  margin: 0,
};

function Field(props: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>
        <Text variant="body-small" color="secondary">
          {props.term}
        </Text>
      </dt>
      <dd style={{ margin: 0 }}>
        <Text variant="body-small">{props.children}</Text>
      </dd>
    </>
  );
}

function TemplateLink(props: {
  template?: GoldenPathTemplate;
  recorded: string;
}) {
  const entityLink = useEntityRefLink();
  if (props.template) {
    return (
      <Link href={entityLink(props.template.ref)}>{props.template.title}</Link>
    );
  }
  return <>{props.recorded} (not in the catalog)</>;
}

/**
 * On a component created from a template: which template, the version it
 * was created from, the template's version now, and what to do when it is
 * behind.
 */
export function EntityGoldenPathCard() {
  const { entity } = useEntity();
  const { value: template, loading, error, retry } = useServiceTemplate(entity);
  const recorded =
    entity.metadata.annotations?.[SOURCE_TEMPLATE_ANNOTATION]?.trim() ?? '';
  const createdFrom = templateVersionOf(entity)?.trim();

  let content;
  let drift: Drift | undefined;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <LoadErrorAlert
        title="Could not load the template"
        error={error}
        onRetry={retry}
      />
    );
  } else {
    drift = classifyDrift(createdFrom, template);
    content = (
      <Flex direction="column" gap="3">
        <dl style={listStyle}>
          <Field term="Template">
            <TemplateLink template={template} recorded={recorded} />
          </Field>
          <Field term="Created from">{createdFrom || 'not recorded'}</Field>
          <Field term="Current version">
            {template ? template.version?.trim() || 'not declared' : 'unknown'}
          </Field>
        </dl>
        <Text variant="body-small">
          {driftHint(drift, {
            service: createdFrom,
            template: template?.version,
            templateRef: sourceTemplateRef(entity) ?? recorded,
          })}
        </Text>
      </Flex>
    );
  }

  return (
    <EntityInfoCard
      title="Golden path"
      headerActions={drift && <DriftStatusPill drift={drift} />}
    >
      {content}
    </EntityInfoCard>
  );
}
