/**
 * UI pieces the FinOps Platform's frontend plugins share: a status pill in
 * the Background UI palette and the messages shown for a failed request.
 *
 * @packageDocumentation
 */

export { StatusPill, toneColor } from './StatusPill/StatusPill';
export type { StatusTone } from './StatusPill/StatusPill';
export { errorMessage, isForbidden } from './errorMessage';
