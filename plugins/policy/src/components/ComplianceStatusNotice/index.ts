export { ComplianceStatusNotice } from './ComplianceStatusNotice';
