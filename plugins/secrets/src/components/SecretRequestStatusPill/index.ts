export { SecretRequestStatusPill } from './SecretRequestStatusPill';
