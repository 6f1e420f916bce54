export { DeclarationErrors } from './DeclarationErrors';
