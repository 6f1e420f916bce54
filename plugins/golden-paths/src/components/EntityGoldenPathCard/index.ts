export { EntityGoldenPathCard } from './EntityGoldenPathCard';
