export { StatusPill, toneColor } from './StatusPill';
export type { StatusTone } from './StatusPill';
