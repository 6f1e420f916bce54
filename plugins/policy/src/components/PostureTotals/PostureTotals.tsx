import type { Posture } from '@finops/plugin-policy-common';
import { Card, CardBody, Grid, Text } from '@backstage/ui';
import type { StatusTone } from '@finops/ui';

function share(part: number, total: number): string {
  return total === 0 ? '' : `${Math.round((part / total) * 100)}% of entities`;
}

function Tile(props: {
  label: string;
  value: number;
  detail: string;
  tone?: StatusTone;
}) {
  const { label, value, detail, tone } = props;
  return (
    <Card role="group" aria-label={label}>
      <CardBody>
        <Text as="div" variant="body-small" color="secondary">
          {label}
        </Text>
        <Text
          as="div"
          variant="title-large"
          weight="bold"
          color={tone && tone !== 'neutral' && value > 0 ? tone : 'primary'}
        >
          {value.toLocaleString('en-GB')}
        </Text>
        <Text as="div" variant="body-x-small" color="secondary">
          {detail}
        </Text>
      </CardBody>
    </Card>
  );
}

/** How many entities pass, fail, or could not be evaluated. */
export function PostureTotals(props: { entities: Posture['entities'] }) {
  const { total, pass, fail, unknown } = props.entities;
  return (
    <Grid.Root columns={{ initial: '1', sm: '2', md: '4' }} gap="4">
      <Tile label="Entities evaluated" value={total} detail="in the catalog" />
      <Tile
        label="Compliant"
        value={pass}
        detail={share(pass, total)}
        tone="success"
      />
      <Tile
        label="Non-compliant"
        value={fail}
        detail={share(fail, total)}
        tone="danger"
      />
      <Tile
        label="Unknown"
        value={unknown}
        detail="policy could not be evaluated"
        tone="warning"
      />
    </Grid.Root>
  );
}
