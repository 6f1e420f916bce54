import { useMemo } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  humanizeEntityRef,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import {
  Cell,
  CellText,
  type ColumnConfig,
  type SortDescriptor,
  Table,
  Text,
  useTable,
} from '@backstage/ui';
import { compareServices, type TemplateService } from '../../goldenPaths';
import {
  compareDrift,
  compareVersions,
  formatVersion,
  parseVersion,
} from '../../versions';
import { DriftStatusPill } from '../DriftStatusPill';

/** Long enough for most templates on one page, short enough to scan. */
const PAGE_SIZE = 25;

const DEFAULT_SORT: SortDescriptor = {
  column: 'status',
  direction: 'ascending',
};

/** "payments" for group:default/payments, "batch/ledger" elsewhere. */
function humanize(ref: string, defaultKind: string): string {
  return humanizeEntityRef(parseEntityRef(ref), { defaultKind });
}

interface Sorter {
  compare: (a: TemplateService, b: TemplateService) => number;
  /** Services without a value sort last whichever way the column goes. */
  isMissing?: (service: TemplateService) => boolean;
}

function byText(value: (service: TemplateService) => string | undefined) {
  return {
    compare: (a, b) => (value(a) ?? '').localeCompare(value(b) ?? ''),
    isMissing: service => value(service) === undefined,
  } satisfies Sorter;
}

const SORTERS: Record<string, Sorter> = {
  service: byText(s => s.title),
  owner: byText(s => s.owner && humanize(s.owner, 'group')),
  system: byText(s => s.system && humanize(s.system, 'system')),
  template: byText(s => s.recordedTemplate),
  version: {
    compare: (a, b) => {
      const [va, vb] = [parseVersion(a.version), parseVersion(b.version)];
      return va && vb ? compareVersions(va, vb) : 0;
    },
    isMissing: s => parseVersion(s.version) === undefined,
  },
  status: { compare: (a, b) => compareDrift(a.drift, b.drift) },
};

function sortServices(
  services: TemplateService[],
  sort: SortDescriptor,
): TemplateService[] {
  const sorter = SORTERS[String(sort.column)];
  if (!sorter) {
    return [...services].sort(compareServices);
  }
  const { compare, isMissing = () => false } = sorter;
  const direction = sort.direction === 'descending' ? -1 : 1;
  return [...services].sort(
    (a, b) =>
      Number(isMissing(a)) - Number(isMissing(b)) ||
      direction * compare(a, b) ||
      compareServices(a, b),
  );
}

function VersionCell(props: { version?: string }) {
  const parsed = parseVersion(props.version);
  if (parsed) {
    return <CellText title={formatVersion(parsed)} />;
  }
  return props.version?.trim() ? (
    <CellText title={props.version} description="not a version" />
  ) : (
    <CellText title="—" description="not recorded" color="secondary" />
  );
}

/**
 * What a template created: each service with its owner, system, the
 * version it was created from and how far behind that is, most urgent
 * first and sortable by any column. `showTemplate` adds the template each
 * names, for services whose template is gone.
 */
export function TemplateServicesTable(props: {
  services: TemplateService[];
  emptyText: string;
  showTemplate?: boolean;
}) {
  const { services, emptyText, showTemplate } = props;
  const entityLink = useEntityRefLink();

  const columns = useMemo<ColumnConfig<TemplateService>[]>(
    () => [
      {
        id: 'service',
        label: 'Service',
        isRowHeader: true,
        isSortable: true,
        cell: s => (
          <CellText
            title={s.title}
            description={s.lifecycle}
            href={entityLink(s.id)}
          />
        ),
      },
      {
        id: 'owner',
        label: 'Owner',
        isSortable: true,
        cell: s =>
          s.owner ? (
            <CellText
              title={humanize(s.owner, 'group')}
              href={entityLink(s.owner)}
            />
          ) : (
            <CellText title="—" color="secondary" />
          ),
      },
      {
        id: 'system',
        label: 'System',
        isSortable: true,
        cell: s =>
          s.system ? (
            <CellText
              title={humanize(s.system, 'system')}
              href={entityLink(s.system)}
            />
          ) : (
            <CellText title="—" color="secondary" />
          ),
      },
      ...(showTemplate
        ? [
            {
              id: 'template',
              label: 'Template',
              isSortable: true,
              cell: (s: TemplateService) => (
                <CellText
                  title={s.recordedTemplate}
                  description={
                    s.templateRef ? 'not in the catalog' : 'not an entity ref'
                  }
                />
              ),
            },
          ]
        : []),
      {
        id: 'version',
        label: 'Created from',
        isSortable: true,
        cell: s => <VersionCell version={s.version} />,
      },
      {
        id: 'status',
        label: 'Status',
        isSortable: true,
        cell: s => (
          <Cell>
            <DriftStatusPill drift={s.drift} />
          </Cell>
        ),
      },
    ],
    [entityLink, showTemplate],
  );

  const { tableProps } = useTable({
    mode: 'complete',
    data: services,
    initialSort: DEFAULT_SORT,
    sortFn: sortServices,
    paginationOptions: {
      type: services.length > PAGE_SIZE ? 'page' : 'none',
      pageSize: PAGE_SIZE,
      showPageSizeOptions: false,
    },
  });

  return (
    <Table
      {...tableProps}
      columnConfig={columns}
      emptyState={<Text>{emptyText}</Text>}
    />
  );
}
