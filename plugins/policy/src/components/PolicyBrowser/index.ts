export { PolicyBrowser } from './PolicyBrowser';
