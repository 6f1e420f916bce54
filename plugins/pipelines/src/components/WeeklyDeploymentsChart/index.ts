export { WeeklyDeploymentsChart } from './WeeklyDeploymentsChart';
