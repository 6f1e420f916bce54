export { SignalsSection } from './SignalsSection';
