export { SecretsErrorAlert } from './SecretsErrorAlert';
