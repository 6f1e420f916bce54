export { registerTemplates } from './list';
export { registerCreate } from './create';
