export { WrappedValuesNotice, unwrapUrl } from './WrappedValuesNotice';
