//

export * from '../models/EntitySecrets.model';
export * from '../models/ErrorError.model';
export * from '../models/ErrorRequest.model';
export * from '../models/ErrorResponse.model';
export * from '../models/ListSecretRequests200Response.model';
export * from '../models/ModelError.model';
export * from '../models/PolicyViolation.model';
export * from '../models/ProvisionInput.model';
export * from '../models/ReviewInput.model';
export * from '../models/RotateInput.model';
export * from '../models/SecretBinding.model';
export * from '../models/SecretChange.model';
export * from '../models/SecretKeySpec.model';
export * from '../models/SecretMetadata.model';
export * from '../models/SecretOutcome.model';
export * from '../models/SecretPath.model';
export * from '../models/SecretRequest.model';
export * from '../models/SecretRequestSecretsInner.model';
export * from '../models/SecretRequestStatus.model';
export * from '../models/SecretSpec.model';
export * from '../models/SecretVersion.model';
export * from '../models/SecretsStatus.model';
export * from '../models/VaultInstanceStatus.model';
export * from '../models/WorkloadAuth.model';
export * from '../models/WrappedValues.model';
