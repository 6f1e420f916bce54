export { GrafanaAlertRulesTable } from './GrafanaAlertRulesTable';
