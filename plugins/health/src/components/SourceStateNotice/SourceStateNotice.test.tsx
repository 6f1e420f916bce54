import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { SourceStateNotice } from './SourceStateNotice';

describe('SourceStateNotice', () => {
  it('names the config key of a source that is not configured', () => {
    renderInTestApp(
      <SourceStateNotice
        source={{
          source: 'alertmanager',
          instance: null,
          state: 'not-configured',
          message: null,
        }}
      />,
    );

    expect(
      screen.getByText('Alertmanager is not configured'),
    ).toBeInTheDocument();
    expect(screen.getByText('health.alertmanager')).toBeInTheDocument();
  });

  it("says which instance did not answer, in the backend's words", () => {
    renderInTestApp(
      <SourceStateNotice
        source={{
          source: 'prometheus',
          instance: 'main',
          state: 'unreachable',
          message: 'connect ECONNREFUSED 10.0.0.7:9090',
        }}
      />,
    );

    expect(screen.getByText('Prometheus main did not answer')).toBeVisible();
    expect(
      screen.getByText('connect ECONNREFUSED 10.0.0.7:9090'),
    ).toBeInTheDocument();
  });

  it('says a source answered with an error', () => {
    renderInTestApp(
      <SourceStateNotice
        source={{
          source: 'grafana',
          instance: 'ops',
          state: 'error',
          message: 'Grafana answered 401: invalid API key',
        }}
      />,
    );

    expect(
      screen.getByText('Grafana ops answered with an error'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Grafana answered 401: invalid API key'),
    ).toBeInTheDocument();
  });

  it('says nothing when the source answered', () => {
    renderInTestApp(
      <section aria-label="Grafana">
        <SourceStateNotice
          source={{
            source: 'grafana',
            instance: 'ops',
            state: 'ok',
            message: null,
          }}
        />
      </section>,
    );

    expect(
      screen.getByRole('region', { name: 'Grafana' }),
    ).toBeEmptyDOMElement();
  });
});
