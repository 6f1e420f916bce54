export { SilencesTable } from './SilencesTable';
