import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createStorageActions } from './actions/createStorageActions';
import { readGitopsScaffolderConfig } from './config';
import { ensureLocalBareRepo } from './git/localBareRepo';
import { runSeedGenerators } from './git/seedGenerators';
import { findRepoRoot } from './repoRoot';

/**
 * Registers the storage GitOps actions with the scaffolder and, when
 * `storage.gitops.localBareRepo` is configured, creates the embedded local
 * GitOps repository on first start.
 * @public
 */
export const storageScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'storage',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ scaffolderActions, config, logger }) {
        const gitopsConfig = readGitopsScaffolderConfig(config, findRepoRoot());
        const integrations = ScmIntegrations.fromConfig(config);
        // The app's tiers (the ones the tier picker offers) replace the
        // generators' built-in defaults when a template passes none.
        const tiers = config.getOptional('storage.tiers');
        scaffolderActions.addActions(
          ...createStorageActions({
            config: gitopsConfig,
            generatorInputDefaults: tiers === undefined ? {} : { tiers },
            integrations,
            githubCredentialsProvider:
              DefaultGithubCredentialsProvider.fromIntegrations(integrations),
          }),
        );

        const bare = gitopsConfig.localBareRepo;
        if (bare) {
          try {
            const result = await ensureLocalBareRepo({
              path: bare.path,
              seedFrom: bare.seedFrom,
              branch: gitopsConfig.baseBranch,
              committer: gitopsConfig.committer,
              prepare: work => runSeedGenerators(work, bare.seedGenerators),
            });
            const generated = bare.seedGenerators.map(s => s.generator);
            logger.info(
              result.status === 'created'
                ? `Created the local GitOps repository ${result.path} from ${
                    bare.seedFrom
                  }${
                    generated.length > 0
                      ? ` and the ${generated.join(', ')} generator(s)`
                      : ''
                  } (commit ${result.commit.slice(0, 12)})`
                : `Using the existing local GitOps repository ${result.path}`,
            );
          } catch (error) {
            // A broken dev default must not take the whole backend down; the
            // templates' clone step then fails with this same reason.
            logger.error(
              `Could not create the local GitOps repository ${bare.path}: ${error}`,
            );
          }
        }
      },
    });
  },
});
