export { TemplateSection } from './TemplateSection';
