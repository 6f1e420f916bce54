export { ExceptionStatusPill } from './ExceptionStatusPill';
