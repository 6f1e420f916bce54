export { PostureTrendChart } from './PostureTrendChart';
