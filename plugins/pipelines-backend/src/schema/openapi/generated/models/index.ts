//

export * from '../models/Artifact.model';
export * from '../models/Deployment.model';
export * from '../models/DeploymentStatus.model';
export * from '../models/DoraMetrics.model';
export * from '../models/DoraMetricsChangeFailureRate.model';
export * from '../models/DoraMetricsDeploymentFrequency.model';
export * from '../models/DoraMetricsLeadTimeForChanges.model';
export * from '../models/DoraMetricsScope.model';
export * from '../models/DoraMetricsWeeklyInner.model';
export * from '../models/EnvironmentState.model';
export * from '../models/ErrorError.model';
export * from '../models/ErrorRequest.model';
export * from '../models/ErrorResponse.model';
export * from '../models/JobStep.model';
export * from '../models/ListEnvironments200Response.model';
export * from '../models/ModelError.model';
export * from '../models/RunConclusion.model';
export * from '../models/RunStatus.model';
export * from '../models/WorkflowJob.model';
export * from '../models/WorkflowRun.model';
export * from '../models/WorkflowRunDetail.model';
export * from '../models/WorkflowRunPage.model';
