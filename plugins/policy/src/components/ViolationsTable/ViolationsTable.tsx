import { useMemo } from 'react';
import type {
  EntityCompliance,
  PolicyViolation,
} from '@finops/plugin-policy-common';
import {
  Button,
  Cell,
  CellText,
  type ColumnConfig,
  Table,
  Text,
} from '@backstage/ui';
import { formatDate } from '../../format';
import { sortViolations } from '../../severity';
import { FrameworkBadges } from '../FrameworkBadges';
import { SeverityChip } from '../SeverityChip';
import { StatusPill } from '@finops/ui';

type Coverage =
  | { kind: 'open' }
  | { kind: 'pending' }
  | { kind: 'covered'; until?: string };

interface ViolationRow {
  id: string;
  rule: string;
  violation?: PolicyViolation;
  coverage: Coverage;
}

/*
 * A rule in `excepted` is covered by an approved exception. The backend may
 * or may not still list it among the violations, so rows are built from
 * both: open violations first by severity, then covered rules.
 */
function toRows(compliance: EntityCompliance): ViolationRow[] {
  const { violations, excepted, exceptions } = compliance;
  const coverageOf = (rule: string): Coverage => {
    if (excepted.includes(rule)) {
      const approved = exceptions.find(
        e => e.rule === rule && e.status === 'approved',
      );
      return { kind: 'covered', until: approved?.expiresAt };
    }
    if (exceptions.some(e => e.rule === rule && e.status === 'pending')) {
      return { kind: 'pending' };
    }
    return { kind: 'open' };
  };
  const rows: ViolationRow[] = sortViolations(violations).map(violation => ({
    id: violation.rule,
    rule: violation.rule,
    violation,
    coverage: coverageOf(violation.rule),
  }));
  const listed = new Set(violations.map(v => v.rule));
  for (const rule of excepted.filter(r => !listed.has(r))) {
    rows.push({ id: rule, rule, coverage: coverageOf(rule) });
  }
  const rank = { open: 0, pending: 1, covered: 2 };
  return rows.sort((a, b) => rank[a.coverage.kind] - rank[b.coverage.kind]);
}

/**
 * The entity's violations, most severe first, each with its frameworks and
 * remediation, and what is being done about it: covered by an exception,
 * an exception pending review, or a button to request one.
 */
export function ViolationsTable(props: {
  compliance: EntityCompliance;
  onRequestException: (violation: PolicyViolation) => void;
}) {
  const { compliance, onRequestException } = props;
  const rows = useMemo(() => toRows(compliance), [compliance]);

  const columns: ColumnConfig<ViolationRow>[] = [
    {
      id: 'severity',
      label: 'Severity',
      cell: row => (
        <Cell>
          {row.violation ? (
            <SeverityChip severity={row.violation.severity} />
          ) : (
            <Text color="secondary">—</Text>
          )}
        </Cell>
      ),
    },
    {
      id: 'violation',
      label: 'Violation',
      isRowHeader: true,
      cell: row => (
        <CellText
          title={row.violation?.message ?? 'Covered by an approved exception'}
          description={row.rule}
        />
      ),
    },
    {
      id: 'frameworks',
      label: 'Frameworks',
      cell: row => (
        <Cell>
          <FrameworkBadges frameworks={row.violation?.frameworks ?? []} />
        </Cell>
      ),
    },
    {
      id: 'remediation',
      label: 'Remediation',
      cell: row => <CellText title={row.violation?.remediation ?? ''} />,
    },
    {
      id: 'exception',
      label: 'Exception',
      cell: row => {
        const { coverage, violation } = row;
        if (coverage.kind === 'covered') {
          return (
            <Cell>
              <StatusPill tone="success">
                {coverage.until
                  ? `Covered until ${formatDate(coverage.until)}`
                  : 'Covered by exception'}
              </StatusPill>
            </Cell>
          );
        }
        if (coverage.kind === 'pending') {
          return (
            <Cell>
              <StatusPill tone="info">Pending review</StatusPill>
            </Cell>
          );
        }
        return (
          <Cell>
            {violation && (
              <Button
                size="small"
                variant="secondary"
                aria-label={`Request exception for ${row.rule}`}
                onPress={() => onRequestException(violation)}
              >
                Request exception
              </Button>
            )}
          </Cell>
        );
      },
    },
  ];

  return (
    <Table
      columnConfig={columns}
      data={rows}
      pagination={{ type: 'none' }}
      emptyState={<Text>No violations: this entity meets every rule.</Text>}
    />
  );
}
