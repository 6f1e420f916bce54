/**
 * The health backend of the FinOps Platform: golden signals, SLOs and
 * error budgets from Prometheus, alerts from Alertmanager and Grafana
 * dashboards for catalog entities.
 *
 * @packageDocumentation
 */

export { healthPlugin as default } from './plugin';
