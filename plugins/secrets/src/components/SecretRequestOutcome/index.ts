export { SecretRequestOutcome } from './SecretRequestOutcome';
