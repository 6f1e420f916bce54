export { EntityTemplateServicesCard } from './EntityTemplateServicesCard';
