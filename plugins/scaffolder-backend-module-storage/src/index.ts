/**
 * Scaffolder actions that write storage apps, schedules and volume requests
 * into a GitOps repository.
 *
 * @packageDocumentation
 */

export { storageScaffolderModule as default } from './module';
export {
  createStorageActions,
  type StorageActionsDeps,
} from './actions/createStorageActions';
export { createGitCloneAction } from './actions/gitClone';
export { createGitPublishAction } from './actions/gitPublish';
export {
  createGitopsGeneratorAction,
  gitopsActionId,
} from './actions/gitopsGenerator';
export {
  readGitopsScaffolderConfig,
  type GitopsScaffolderConfig,
} from './config';
export { ensureLocalBareRepo } from './git/localBareRepo';
