/**
 * Local git repositories for a portal without a code host: the
 * `finops:publish:local` scaffolder action and the URL reader through
 * which the catalog and TechDocs read what it published.
 *
 * @packageDocumentation
 */

export { scaffolderModuleLocalRepos as default } from './module';
export { localReposUrlReaderFactory } from './module';
export { LocalReposUrlReader } from './LocalReposUrlReader';
