export { QueryDisclosure } from './QueryDisclosure';
