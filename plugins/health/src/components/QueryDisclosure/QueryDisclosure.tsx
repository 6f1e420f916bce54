import { useState } from 'react';
import { Button, Flex, Text } from '@backstage/ui';

const codeStyle = {
  margin: 0,
  padding: 'var(--bui-space-2)',
  borderRadius: 'var(--bui-radius-2)',
  background: 'var(--bui-bg-neutral-2)',
  fontSize: 'var(--bui-font-size-1)',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
} as const;

/**
 * The PromQL behind a chart or an SLO, to paste into Prometheus or
 * Grafana: on hover of the Query button (its title), and shown below it
 * when pressed.
 */
export function QueryDisclosure(props: {
  /** What the queries compute, e.g. "Latency": names the button. */
  label: string;
  queries: Array<{ name?: string; query: string }>;
}) {
  const { label, queries } = props;
  const [open, setOpen] = useState(false);
  const asText = queries
    .map(q => (q.name ? `${q.name}: ${q.query}` : q.query))
    .join('\n');
  return (
    <Flex direction="column" gap="2">
      <span title={asText} style={{ alignSelf: 'flex-start' }}>
        <Button
          size="small"
          variant="tertiary"
          aria-label={`Query of ${label}`}
          aria-expanded={open}
          onPress={() => setOpen(!open)}
        >
          {open ? 'Hide query' : 'Query'}
        </Button>
      </span>
      {open && (
        <Flex direction="column" gap="1">
          {queries.map(q => (
            <div key={q.query}>
              {q.name && (
                <Text variant="body-x-small" color="secondary">
                  {q.name}
                </Text>
              )}
              <pre
                style={codeStyle}
                aria-label={`PromQL of ${q.name ?? label}`}
              >
                <code>{q.query}</code>
              </pre>
            </div>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
