import type { ReviewableRequest } from '../requestReview';

/** alice's request, waiting for someone else's review. */
export const pendingRequest: ReviewableRequest = {
  id: 'r1',
  status: 'pending',
  requestedBy: 'user:default/alice',
  requestedAt: '2026-06-03T12:05:00Z',
  reviewedBy: null,
  reviewedAt: null,
  comment: null,
  message: null,
};
