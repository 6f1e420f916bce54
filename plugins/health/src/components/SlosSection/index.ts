export { SlosSection } from './SlosSection';
