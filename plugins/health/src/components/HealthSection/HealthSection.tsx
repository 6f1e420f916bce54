import type { ReactNode } from 'react';
import { Progress } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import type { Loadable } from '../../hooks';
import { ErrorNotice } from '../ErrorNotice';

/**
 * One section of the Health tab, loading and failing on its own: a
 * progress bar until its answer comes, the server's words (with Try again)
 * if the call fails, its content after. While it asks again (a new range,
 * a retry) the last answer stays on screen under a progress bar, so that
 * the charts do not jump.
 */
export function HealthSection<T>(props: {
  title: string;
  /** Controls beside the title, e.g. the time range. */
  actions?: ReactNode;
  state: Loadable<T>;
  /** Said when the call fails: "Could not load …". */
  errorTitle: string;
  children: (value: T) => ReactNode;
}) {
  const { title, actions, state, errorTitle, children } = props;
  let body: ReactNode;
  if (state.error && !state.loading) {
    body = (
      <ErrorNotice
        title={errorTitle}
        error={state.error}
        onRetry={state.retry}
      />
    );
  } else if (state.value !== undefined) {
    body = (
      <>
        {state.loading && <Progress />}
        {children(state.value)}
      </>
    );
  } else {
    body = <Progress />;
  }
  return (
    <section aria-label={title}>
      <Flex direction="column" gap="3">
        <Flex
          justify="between"
          align="center"
          gap="4"
          style={{ flexWrap: 'wrap' }}
        >
          <Text as="h2" variant="title-small">
            {title}
          </Text>
          {actions}
        </Flex>
        {body}
      </Flex>
    </section>
  );
}
