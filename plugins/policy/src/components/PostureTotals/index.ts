export { PostureTotals } from './PostureTotals';
