import { type FormEvent, useState } from 'react';
import {
  DECISION_POINTS,
  type DecisionPoint,
} from '@finops/plugin-policy-common';
import { Button, Flex, Select, TextField } from '@backstage/ui';
import type { DecisionLogFilters } from '../../hooks';

type Outcome = 'any' | 'allowed' | 'denied';

const pointOptions = [
  { id: 'any', label: 'Any' },
  ...DECISION_POINTS.map(point => ({ id: point, label: point })),
];

const outcomeOptions = [
  { id: 'any', label: 'Any' },
  { id: 'allowed', label: 'Allowed' },
  { id: 'denied', label: 'Denied' },
];

const blankToUndefined = (value: string) => value.trim() || undefined;

/** The decision log's filters; nothing is searched until Search. */
export function DecisionLogSearch(props: {
  onSearch: (filters: DecisionLogFilters) => void;
}) {
  const { onSearch } = props;
  const [point, setPoint] = useState<DecisionPoint | 'any'>('any');
  const [outcome, setOutcome] = useState<Outcome>('any');
  const [actor, setActor] = useState('');
  const [subject, setSubject] = useState('');
  const [revision, setRevision] = useState('');

  const search = (event?: FormEvent) => {
    event?.preventDefault();
    onSearch({
      decisionPoint: point === 'any' ? undefined : point,
      allow: outcome === 'any' ? undefined : outcome === 'allowed',
      actor: blankToUndefined(actor),
      subject: blankToUndefined(subject),
      revision: blankToUndefined(revision),
    });
  };

  const clear = () => {
    setPoint('any');
    setOutcome('any');
    setActor('');
    setSubject('');
    setRevision('');
    onSearch({});
  };

  return (
    <form onSubmit={search} aria-label="Search the decision log">
      <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
        <Select
          label="Decision point"
          options={pointOptions}
          value={point}
          onChange={key => setPoint((key ?? 'any') as DecisionPoint | 'any')}
        />
        <TextField
          label="Subject"
          placeholder="component:default/payments-api"
          value={subject}
          onChange={setSubject}
        />
        <TextField
          label="Actor"
          placeholder="user:default/jane.doe"
          value={actor}
          onChange={setActor}
        />
        <Select
          label="Result"
          options={outcomeOptions}
          value={outcome}
          onChange={key => setOutcome((key ?? 'any') as Outcome)}
        />
        <TextField label="Revision" value={revision} onChange={setRevision} />
        <Button type="submit">Search</Button>
        <Button variant="tertiary" onPress={clear}>
          Clear
        </Button>
      </Flex>
    </form>
  );
}
