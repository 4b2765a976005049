import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import type { JsonObject } from '@backstage/types';
import {
  gitopsGenerators,
  GitopsGenerator,
} from '@gitops-storage/plugin-storage-gitops';
import type { GitopsScaffolderConfig } from '../config';
import type { GitAuthDeps } from '../git/gitAuth';
import { createGitCloneAction } from './gitClone';
import { createGitopsGeneratorAction } from './gitopsGenerator';
import { generatorExamples } from './gitopsGenerator.examples';
import { createGitPublishAction } from './gitPublish';

/** Everything the storage actions need. @public */
export interface StorageActionsDeps extends GitAuthDeps {
  config: GitopsScaffolderConfig;
  /** Defaults to every registered GitOps generator. */
  generators?: ReadonlyArray<GitopsGenerator<any>>;
  /** Values for generator fields templates leave out (e.g. `tiers`). */
  generatorInputDefaults?: JsonObject;
}

/**
 * All storage actions: `storage:git:clone`, one `storage:gitops:<id>` per
 * generator, and `storage:git:publish`.
 * @public
 */
export function createStorageActions(
  deps: StorageActionsDeps,
): TemplateAction<any, any>[] {
  const generators = deps.generators ?? gitopsGenerators;
  return [
    createGitCloneAction(deps),
    ...generators.map(generator =>
      createGitopsGeneratorAction(generator, {
        examples: generatorExamples[generator.id] ?? [],
        inputDefaults: deps.generatorInputDefaults,
      }),
    ),
    createGitPublishAction(deps),
  ];
}
