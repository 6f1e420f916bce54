import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { healthApiRef, type HealthApi } from '../../api';
import {
  fakeHealthApi,
  responseError,
} from '../../__testUtils__/fakeHealthApi';
import {
  cardPaymentsEntity,
  cardPaymentsRef,
  entityAlerts,
  entityDashboards,
  entitySignals,
  entitySlos,
  GRAFANA,
  signalSeries,
  slo,
} from '../../__testUtils__/fixtures';
import { EntityHealthContent } from './EntityHealthContent';

function renderTab(api: HealthApi) {
  return renderInTestApp(
    <EntityProvider entity={cardPaymentsEntity}>
      <EntityHealthContent />
    </EntityProvider>,
    { apis: [[healthApiRef, api]] },
  );
}

const section = (name: string) => within(screen.getByRole('region', { name }));

describe('EntityHealthContent', () => {
  it("charts the entity's golden signals over the last hour, with their PromQL", async () => {
    const api = fakeHealthApi();
    renderTab(api);

    const requestRate = within(
      await screen.findByRole('group', { name: 'Request rate' }),
    );
    expect(requestRate.getByText('12.4 req/s')).toBeInTheDocument();
    expect(
      requestRate.getByRole('img', {
        name: 'Request rate over the last hour, in req/s',
      }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Error ratio' })).getByText(
        '0.52%',
      ),
    ).toBeInTheDocument();
    const latency = within(screen.getByRole('group', { name: 'Latency' }));
    expect(latency.getByText('184 ms')).toBeInTheDocument();
    expect(
      latency.getByText('p99 · p50 23 ms · p90 95 ms'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Saturation' })).getByText(
        '0.35 cores',
      ),
    ).toBeInTheDocument();
    expect(api.getSignals).toHaveBeenCalledWith(cardPaymentsRef, '1h');

    const query = requestRate.getByRole('button', {
      name: 'Query of Request rate',
    });
    expect(query.closest('[title]')).toHaveAttribute(
      'title',
      'finops:request_rate{service="card-payments"}',
    );
    await userEvent.click(query);
    expect(
      requestRate.getByLabelText('PromQL of Request rate'),
    ).toHaveTextContent('finops:request_rate{service="card-payments"}');
  });

  it('asks again for the range picked', async () => {
    const api = fakeHealthApi();
    renderTab(api);
    await screen.findByRole('group', { name: 'Request rate' });

    await userEvent.click(screen.getByRole('radio', { name: '6h' }));

    await waitFor(() =>
      expect(api.getSignals).toHaveBeenLastCalledWith(cardPaymentsRef, '6h'),
    );
    expect(
      await screen.findByRole('img', {
        name: 'Request rate over the last 6 hours, in req/s',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '6h' })).toBeChecked();
    expect(api.getSlos).toHaveBeenCalledTimes(1);
  });

  it('says so when Prometheus has no data for the selector', async () => {
    renderTab(
      fakeHealthApi({
        getSignals: async () =>
          entitySignals({
            signals: [
              signalSeries('request-rate', null),
              signalSeries('error-ratio', null),
            ],
          }),
      }),
    );

    expect(
      await screen.findByText(
        'No data for service="card-payments" in the last hour',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('group', { name: 'Request rate' }),
    ).not.toBeInTheDocument();
  });

  it('shows each SLO with its budget, burn rates and status', async () => {
    renderTab(
      fakeHealthApi({
        getSlos: async () =>
          entitySlos({
            status: 'breached',
            errorBudgetRemaining: -0.35,
            slos: [
              slo(),
              slo({
                kind: 'latency',
                title: '99% of requests faster than 250 ms',
                objective: 0.99,
                thresholdSeconds: 0.25,
                attainment: 0.9865,
                errorBudget: { total: 0.01, consumed: 1.35, remaining: -0.35 },
                status: 'breached',
                reason: 'The error budget is overspent by 35%',
              }),
            ],
          }),
      }),
    );

    const availability = within(
      await screen.findByRole('group', { name: '99.9% of requests succeed' }),
    );
    expect(availability.getByText('OK')).toBeInTheDocument();
    expect(availability.getByText('99.953%')).toBeInTheDocument();
    expect(availability.getByText('28 days')).toBeInTheDocument();
    expect(
      availability.getByRole('meter', {
        name: 'Error budget of 99.9% of requests succeed',
      }),
    ).toHaveAttribute('aria-valuetext', '53% left');
    const pageAlert = within(
      availability.getByRole('rowheader', { name: /1h and 5m/ }).closest('tr')!,
    );
    expect(pageAlert.getByText('2.1× / 1.8×')).toBeInTheDocument();
    expect(pageAlert.getByText('14.4×')).toBeInTheDocument();
    expect(pageAlert.getByText('Page')).toBeInTheDocument();
    expect(pageAlert.getByText('No')).toBeInTheDocument();

    const latency = within(
      screen.getByRole('group', {
        name: '99% of requests faster than 250 ms',
      }),
    );
    expect(latency.getByText('Breached')).toBeInTheDocument();
    expect(latency.getByText('250 ms')).toBeInTheDocument();
    expect(latency.getByText('-35%: overspent')).toBeInTheDocument();
    expect(
      latency.getByText('The error budget is overspent by 35%'),
    ).toBeInTheDocument();

    expect(
      screen.getByRole('status', { name: 'SLO summary' }),
    ).toHaveTextContent('BreachedSmallest error budget: -35%: overspent');
  });

  it('explains how to declare SLOs when the entity has none', async () => {
    renderTab(
      fakeHealthApi({
        getSlos: async () =>
          entitySlos({ slos: [], status: 'none', errorBudgetRemaining: null }),
      }),
    );

    const slos = section('Service level objectives');
    expect(await slos.findByText('No SLOs declared')).toBeInTheDocument();
    expect(
      slos.getByText(/finops\.io\/slo-availability \(e\.g\. 99\.9\)/),
    ).toBeInTheDocument();
    expect(
      slos.queryByRole('status', { name: 'SLO summary' }),
    ).not.toBeInTheDocument();
  });

  it('lists alerts, firing first, with their links, and the silences', async () => {
    renderTab(fakeHealthApi());

    const alerts = section('Alerts');
    expect(
      await alerts.findByRole('status', { name: 'Alert summary' }),
    ).toHaveTextContent('1 firing, 1 silenced');
    const rows = alerts.getAllByRole('rowheader').map(r => r.textContent);
    expect(rows.slice(0, 2)).toEqual(['HighErrorRate', 'DiskFilling']);

    const firing = within(
      alerts.getByRole('rowheader', { name: 'HighErrorRate' }).closest('tr')!,
    );
    expect(firing.getByText('critical')).toBeInTheDocument();
    expect(firing.getByText('Firing')).toBeInTheDocument();
    expect(firing.getByText('12 minutes ago')).toBeInTheDocument();
    expect(
      firing.getByText('More than 5% of card-payments requests fail'),
    ).toBeInTheDocument();
    expect(
      firing.getByRole('link', { name: 'Runbook of HighErrorRate' }),
    ).toHaveAttribute('href', 'https://runbooks.example.com/high-error-rate');
    expect(
      firing.getByRole('link', { name: 'Alertmanager of HighErrorRate' }),
    ).toHaveAttribute('target', '_blank');
    expect(
      firing.getByRole('link', { name: 'Source of HighErrorRate' }),
    ).toBeInTheDocument();

    const silenced = within(
      alerts.getByRole('rowheader', { name: 'DiskFilling' }).closest('tr')!,
    );
    expect(silenced.getByText('Silenced')).toBeInTheDocument();
    expect(
      silenced.queryByRole('link', { name: /Runbook/ }),
    ).not.toBeInTheDocument();

    const silences = within(screen.getByRole('region', { name: 'Silences' }));
    expect(silences.getByText('Disk migration until noon')).toBeInTheDocument();
    expect(silences.getByText('by alice')).toBeInTheDocument();
    expect(silences.getByText('in 2 hours')).toBeInTheDocument();
  });

  it('links Grafana dashboards and rules, and embeds panels sandboxed', async () => {
    renderTab(fakeHealthApi());

    const grafana = section('Grafana');
    const dashboard = await grafana.findByRole('link', {
      name: 'Card payments overview in Grafana (opens in a new tab)',
    });
    expect(dashboard).toHaveAttribute(
      'href',
      `${GRAFANA}/d/cp-overview/card-payments-overview`,
    );
    expect(dashboard).toHaveAttribute('target', '_blank');
    expect(
      grafana.getByRole('link', {
        name: 'Card payments 5xx in Grafana (opens in a new tab)',
      }),
    ).toHaveAttribute('href', `${GRAFANA}/alerting/grafana/rule-1/view`);
    expect(
      grafana.getByText('service=card-payments, severity=critical'),
    ).toBeInTheDocument();

    const panel = grafana.getByTitle('Checkout latency');
    expect(panel.tagName).toBe('IFRAME');
    expect(panel).toHaveAttribute(
      'src',
      `${GRAFANA}/d-solo/cp-overview/card-payments-overview?panelId=4`,
    );
    expect(panel).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin');
    expect(panel).toHaveAttribute('loading', 'lazy');
  });

  it('says why a source is missing and still shows the others', async () => {
    renderTab(
      fakeHealthApi({
        getSignals: async () =>
          entitySignals({
            signals: [],
            source: {
              source: 'prometheus',
              instance: 'main',
              state: 'unreachable',
              message: 'Prometheus main did not answer within 10s',
            },
          }),
        getSlos: async () =>
          entitySlos({
            status: 'unknown',
            errorBudgetRemaining: null,
            slos: [
              slo({
                attainment: null,
                errorBudget: { total: 0.001, consumed: null, remaining: null },
                burnRates: [],
                status: 'unknown',
                reason: 'Prometheus did not answer',
              }),
            ],
            source: {
              source: 'prometheus',
              instance: 'main',
              state: 'unreachable',
              message: 'Prometheus main did not answer within 10s',
            },
          }),
        getDashboards: async () =>
          entityDashboards({
            dashboards: [],
            panels: [],
            alertRules: [],
            source: {
              source: 'grafana',
              instance: null,
              state: 'not-configured',
              message: null,
            },
          }),
      }),
    );

    const signals = section('Golden signals');
    expect(
      await signals.findByText('Prometheus main did not answer'),
    ).toBeInTheDocument();
    expect(
      signals.getByText('Prometheus main did not answer within 10s'),
    ).toBeInTheDocument();
    expect(signals.queryByRole('img')).not.toBeInTheDocument();

    const slos = section('Service level objectives');
    expect(
      await slos.findByText('Prometheus main did not answer'),
    ).toBeInTheDocument();
    const unknown = within(
      slos.getByRole('group', { name: '99.9% of requests succeed' }),
    );
    expect(unknown.getAllByText('Unknown')).toHaveLength(2);
    expect(unknown.getByText('No data')).toBeInTheDocument();

    const grafana = section('Grafana');
    expect(
      await grafana.findByText('Grafana is not configured'),
    ).toBeInTheDocument();
    expect(grafana.getByText('health.grafana')).toBeInTheDocument();

    expect(
      await section('Alerts').findByRole('rowheader', {
        name: 'HighErrorRate',
      }),
    ).toBeInTheDocument();
  });

  it('says when Alertmanager is not configured, rather than that nothing fires', async () => {
    renderTab(
      fakeHealthApi({
        getAlerts: async () =>
          entityAlerts({
            alerts: [],
            silences: [],
            source: {
              source: 'alertmanager',
              instance: null,
              state: 'not-configured',
              message: 'No Alertmanager is configured',
            },
          }),
      }),
    );

    const alerts = section('Alerts');
    expect(
      await alerts.findByText('Alertmanager is not configured'),
    ).toBeInTheDocument();
    expect(alerts.getByText('health.alertmanager')).toBeInTheDocument();
    expect(
      alerts.getByText('No Alertmanager is configured'),
    ).toBeInTheDocument();
    expect(alerts.queryByText(/Nothing is firing/)).not.toBeInTheDocument();
  });

  it('lists each malformed annotation once, at the top of the tab', async () => {
    const window =
      'finops.io/slo-window "a month" is not a number of days from 1d to 90d, e.g. 28d; using 28d';
    const latency =
      'finops.io/slo-latency "fast" is not an objective such as "99% < 250ms" (a percentage below 100 of requests faster than a time)';
    renderTab(
      fakeHealthApi({
        getSignals: async () => entitySignals({ errors: [window] }),
        getSlos: async () => entitySlos({ errors: [window, latency] }),
      }),
    );

    const malformed = within(
      await screen.findByRole('region', { name: 'Malformed annotations' }),
    );
    expect(
      await malformed.findByText(
        '2 health annotations of this entity are malformed',
      ),
    ).toBeInTheDocument();
    expect(malformed.getAllByRole('listitem').map(i => i.textContent)).toEqual([
      window,
      latency,
    ]);
    expect(
      await screen.findByRole('group', { name: '99.9% of requests succeed' }),
    ).toBeInTheDocument();
  });

  it("shows a failed call in the server's words, in its section only, and retries", async () => {
    const failure = await responseError(
      500,
      'Error',
      'The health backend could not read its cache',
    );
    const api = fakeHealthApi({
      getAlerts: jest
        .fn()
        .mockRejectedValueOnce(failure)
        .mockResolvedValue(entityAlerts()),
    });
    renderTab(api);

    const alerts = section('Alerts');
    expect(
      await alerts.findByText('Could not load the alerts'),
    ).toBeInTheDocument();
    expect(
      alerts.getByText('The health backend could not read its cache'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('group', { name: 'Request rate' }),
    ).toBeInTheDocument();

    await userEvent.click(alerts.getByRole('button', { name: 'Try again' }));

    expect(
      await alerts.findByRole('rowheader', { name: 'HighErrorRate' }),
    ).toBeInTheDocument();
    expect(api.getAlerts).toHaveBeenCalledTimes(2);
  });

  it('says which permission is missing when health is not open to the user', async () => {
    const forbidden = await responseError(
      403,
      'NotAllowedError',
      'Unauthorized',
    );
    renderTab(
      fakeHealthApi({
        getSlos: async () => {
          throw forbidden;
        },
      }),
    );

    const slos = section('Service level objectives');
    expect(
      await slos.findByText('Health is not open to you'),
    ).toBeInTheDocument();
    expect(
      slos.getByText(/needs the health.read permission/),
    ).toBeInTheDocument();
  });
});
