export { OwnerPosture } from './OwnerPosture';
