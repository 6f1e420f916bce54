export { StatusChip, statusTone } from './StatusChip';
