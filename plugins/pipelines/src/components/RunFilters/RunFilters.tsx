import { type FormEvent, useState } from 'react';
import type { RunStatus } from '@finops/plugin-pipelines-common';
import { Button, Flex, Select, TextField } from '@backstage/ui';
import type { RunFilters as Filters } from '../../hooks';

/**
 * What a run's outcome can be filtered on. Unfinished runs are found by
 * their status, finished ones by their conclusion.
 */
const OUTCOMES: Array<{
  id: string;
  label: string;
  filter: Pick<Filters, 'status' | 'conclusion'>;
}> = [
  { id: 'any', label: 'Any', filter: {} },
  { id: 'success', label: 'Succeeded', filter: { conclusion: 'success' } },
  { id: 'failure', label: 'Failed', filter: { conclusion: 'failure' } },
  { id: 'cancelled', label: 'Cancelled', filter: { conclusion: 'cancelled' } },
  { id: 'timed_out', label: 'Timed out', filter: { conclusion: 'timed_out' } },
  {
    id: 'in_progress',
    label: 'In progress',
    filter: { status: 'in_progress' as RunStatus },
  },
  { id: 'queued', label: 'Queued', filter: { status: 'queued' as RunStatus } },
];

const outcomeOptions = OUTCOMES.map(({ id, label }) => ({ id, label }));

const blankToUndefined = (value: string) => value.trim() || undefined;

/** The runs table's filters; nothing is searched until Search. */
export function RunFilters(props: { onSearch: (filters: Filters) => void }) {
  const { onSearch } = props;
  const [branch, setBranch] = useState('');
  const [outcome, setOutcome] = useState('any');
  const [actor, setActor] = useState('');
  const [workflow, setWorkflow] = useState('');

  const search = (event?: FormEvent) => {
    event?.preventDefault();
    onSearch({
      branch: blankToUndefined(branch),
      actor: blankToUndefined(actor),
      workflow: blankToUndefined(workflow),
      ...OUTCOMES.find(o => o.id === outcome)?.filter,
    });
  };

  const clear = () => {
    setBranch('');
    setOutcome('any');
    setActor('');
    setWorkflow('');
    onSearch({});
  };

  return (
    <form onSubmit={search} aria-label="Filter runs">
      <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
        <TextField
          label="Branch"
          placeholder="main"
          value={branch}
          onChange={setBranch}
        />
        <Select
          label="Status"
          options={outcomeOptions}
          value={outcome}
          onChange={key => setOutcome(String(key ?? 'any'))}
        />
        <TextField
          label="Actor"
          placeholder="GitHub login"
          value={actor}
          onChange={setActor}
        />
        <TextField
          label="Workflow"
          placeholder="CI"
          value={workflow}
          onChange={setWorkflow}
        />
        <Button type="submit">Search</Button>
        <Button variant="tertiary" onPress={clear}>
          Clear
        </Button>
      </Flex>
    </form>
  );
}
