export { SecretRequests } from './SecretRequests';
