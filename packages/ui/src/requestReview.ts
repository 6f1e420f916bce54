/*
 * Requests that wait for someone other than the requester to approve them
 * (a deploy, a secret provisioning): the fields every such request has,
 * whatever else it carries.
 */

export type ReviewDecision = 'approve' | 'reject';

/** A request that another person approves or rejects. */
export interface ReviewableRequest {
  id: string;
  /** Approve and Reject are offered while it is `pending`. */
  status: string;
  /** The requester's entity ref. */
  requestedBy: string;
  requestedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** The reviewer's comment, or the reason for a rejection. */
  comment: string | null;
  /** What the system that carried it out answered. */
  message: string | null;
}

/** A decision about to be made on a request. */
export interface Review<TRequest extends ReviewableRequest> {
  request: TRequest;
  decision: ReviewDecision;
}
