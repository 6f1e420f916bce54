export { GatedButton } from './GatedButton';
