export { EntityExceptionsTable } from './EntityExceptionsTable';
