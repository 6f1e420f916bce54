export { EntityDoraCard } from './EntityDoraCard';
