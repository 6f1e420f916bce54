export { RunDetailDrawer } from './RunDetailDrawer';
