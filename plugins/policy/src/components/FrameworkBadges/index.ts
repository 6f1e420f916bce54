export { FrameworkBadges } from './FrameworkBadges';
