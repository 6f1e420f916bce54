//

export * from '../models/Alert.model';
export * from '../models/BurnRate.model';
export * from '../models/Dashboard.model';
export * from '../models/EntityAlerts.model';
export * from '../models/EntityDashboards.model';
export * from '../models/EntityHealth.model';
export * from '../models/EntitySignals.model';
export * from '../models/EntitySignalsRange.model';
export * from '../models/EntitySlos.model';
export * from '../models/ErrorBudget.model';
export * from '../models/ErrorError.model';
export * from '../models/ErrorRequest.model';
export * from '../models/ErrorResponse.model';
export * from '../models/GoldenSignal.model';
export * from '../models/GrafanaAlertRule.model';
export * from '../models/HealthStatus.model';
export * from '../models/InstanceStatus.model';
export * from '../models/ListSummaries200Response.model';
export * from '../models/ModelError.model';
export * from '../models/Panel.model';
export * from '../models/SignalSeries.model';
export * from '../models/Silence.model';
export * from '../models/Slo.model';
export * from '../models/SloErrorBudget.model';
export * from '../models/SloQueries.model';
export * from '../models/SourceState.model';
