export { policyPlugin as default } from './plugin';
