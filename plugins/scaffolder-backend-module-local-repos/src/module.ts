import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { LocalRepos } from './LocalRepos';
import { LocalReposUrlReader } from './LocalReposUrlReader';
import { createPublishLocalAction } from './publishLocalAction';

/**
 * Adds `finops:publish:local`. Without `scaffolder.localRepos` the action
 * is still there (templates name it) and says it is not enabled.
 */
export const scaffolderModuleLocalRepos = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'local-repos',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        scaffolderActions: scaffolderActionsExtensionPoint,
      },
      async init({ config, scaffolderActions }) {
        scaffolderActions.addActions(
          createPublishLocalAction({ repos: LocalRepos.fromConfig(config) }),
        );
      },
    });
  },
});

/**
 * Lets every plugin (catalog, TechDocs, scaffolder) read the local
 * repositories; reads nothing when `scaffolder.localRepos` is not set.
 */
export const localReposUrlReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  factory: () => LocalReposUrlReader.factory,
});
