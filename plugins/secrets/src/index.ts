export { secretsPlugin as default } from './plugin';
