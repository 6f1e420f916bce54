export { ProvisionDialog } from './ProvisionDialog';
