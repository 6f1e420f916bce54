export { FrameworkPosture } from './FrameworkPosture';
