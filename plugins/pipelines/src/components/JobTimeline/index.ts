export { JobTimeline } from './JobTimeline';
