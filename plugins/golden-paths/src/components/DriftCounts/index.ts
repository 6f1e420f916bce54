export { DriftCounts } from './DriftCounts';
