/**
 * UI pieces the FinOps Platform's frontend plugins share, so that the same
 * state looks and reads the same on every page: status pills, the alerts
 * for a failed load or action, a policy's violations, and the table and
 * dialog through which one person reviews another's request.
 *
 * @packageDocumentation
 */

export { StatusPill, toneColor } from './StatusPill/StatusPill';
export type { StatusTone } from './StatusPill/StatusPill';
export { severityTone } from './severity';
export { errorMessage, isForbidden } from './errorMessage';
export { formatDate, formatDateTime, userName } from './format';
export { useCurrentUserRef } from './hooks/useCurrentUserRef';
export { useOwnershipRefs } from './hooks/useOwnershipRefs';
export { useCatalogScopes } from './hooks/useCatalogScopes';
export type { CatalogScope } from './hooks/useCatalogScopes';
export { LoadErrorAlert } from './LoadErrorAlert/LoadErrorAlert';
export { ActionErrorAlert } from './ActionErrorAlert/ActionErrorAlert';
export { PolicyViolationList } from './PolicyViolationList/PolicyViolationList';
export type { PolicyViolationListItem } from './PolicyViolationList/PolicyViolationList';
export { ConfirmDialogFooter } from './ConfirmDialogFooter/ConfirmDialogFooter';
export type {
  Review,
  ReviewableRequest,
  ReviewDecision,
} from './requestReview';
export { ReviewableRequestsTable } from './ReviewableRequestsTable/ReviewableRequestsTable';
export { ReviewRequestDialog } from './ReviewRequestDialog/ReviewRequestDialog';
