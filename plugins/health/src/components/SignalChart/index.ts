export { SignalChart } from './SignalChart';
