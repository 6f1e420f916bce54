export {
  SecretsNotConfigured,
  SECRETS_DOCS_PATH,
} from './SecretsNotConfigured';
