export { DoraRatingPill } from './DoraRatingPill';
