export { useGoldenPaths } from './useGoldenPaths';
export { useOwnershipRefs } from './useOwnershipRefs';
export { useServiceTemplate } from './useServiceTemplate';
export { useTemplateServices } from './useTemplateServices';
