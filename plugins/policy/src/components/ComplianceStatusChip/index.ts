export { ComplianceStatusChip } from './ComplianceStatusChip';
