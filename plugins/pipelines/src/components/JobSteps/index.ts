export { JobSteps } from './JobSteps';
