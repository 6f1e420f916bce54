export { TemplateServicesTable } from './TemplateServicesTable';
