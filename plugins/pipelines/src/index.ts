export { pipelinesPlugin as default } from './plugin';
