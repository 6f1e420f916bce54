export { PostureOverview } from './PostureOverview';
