export { RotationStatusPill } from './RotationStatusPill';
