//

export * from '../models/ErrorError.model';
export * from '../models/ErrorRequest.model';
export * from '../models/ErrorResponse.model';
export * from '../models/ModelError.model';
export * from '../models/SecretsStatus.model';
export * from '../models/VaultInstanceStatus.model';
