export { VaultApiServer } from './VaultApiServer';
export type {
  ForcedFailure,
  RecordedRequest,
  VaultApiServerOptions,
} from './VaultApiServer';
export { serviceAccountJwt } from './authMounts';
