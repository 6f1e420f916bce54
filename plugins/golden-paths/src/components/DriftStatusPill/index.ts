export { DriftStatusPill } from './DriftStatusPill';
