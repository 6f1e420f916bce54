export { ErrorNotice } from './ErrorNotice';
