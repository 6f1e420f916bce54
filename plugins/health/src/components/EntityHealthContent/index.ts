export { EntityHealthContent } from './EntityHealthContent';
