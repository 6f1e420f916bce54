export { RotateDialog } from './RotateDialog';
export type { Rotation } from './RotateDialog';
