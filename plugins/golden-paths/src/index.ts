export { goldenPathsPlugin as default } from './plugin';
