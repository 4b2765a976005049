/**
 * GitOps generators: pure functions from (repository files, validated input)
 * to a change set. Shared by the scaffolder actions and `backstage-storage gitops`.
 *
 * @packageDocumentation
 */

export * from './types';
export {
  GeneratorError,
  isGeneratorError,
  type GeneratorErrorCode,
} from './errors/GeneratorError';
export { formatZodError } from './errors/formatZodError';
export { parseGeneratorInput, runGenerator } from './input/parseGeneratorInput';
export { findSecretMaterial } from './input/secretMaterial';
export { createDirectoryRepoReader } from './repo/directoryRepoReader';
export { createMemoryRepoReader } from './repo/memoryRepoReader';
export { overlayRepoReader } from './repo/overlayRepoReader';
export { assertRepoPath, repoPathProblem } from './repo/repoPath';
export { applyChangeSet, type ApplyResult } from './changes/applyChangeSet';
export { renderUnifiedDiff } from './changes/renderUnifiedDiff';
export {
  editYamlText,
  parseYamlDocument,
  detectYamlStyle,
} from './yaml/yamlDocument';
export { addListItemOnce, setValueAt } from './yaml/collections';
export {
  ensureKustomizationResource,
  ensureKustomizationPatch,
} from './yaml/kustomization';
export { setConfigMapData } from './yaml/configMap';
export { DEFAULT_TIERS } from './tiers/defaultTiers';
export {
  tierInputSchema,
  tierListSchema,
  type TierInput,
} from './tiers/tierInput';
export { REPO_LAYOUT } from './layout/paths';
export { gitopsGenerators, findGenerator } from './generators/registry';
export {
  nfsProvisionerGenerator,
  type NfsProvisionerInput,
} from './generators/nfs-provisioner';
export { veleroGenerator, type VeleroInput } from './generators/velero';
export {
  kroInventoryGenerator,
  type KroInventoryInput,
} from './generators/kro-inventory';
export {
  veleroSchedulesGenerator,
  type VeleroSchedulesInput,
} from './generators/velero-schedules';
export {
  kroBackupPoliciesGenerator,
  type KroBackupPoliciesInput,
} from './generators/kro-backup-policies';
export {
  volumeRequestGenerator,
  type VolumeRequestInput,
} from './generators/volume-request';
