/**
 * Test oracles from the upstream projects' own definitions (never copied into
 * this repository): read from GITOPS_STORAGE_UPSTREAM_DIR.
 *
 * @packageDocumentation
 */
export {
  UPSTREAM_DIR_VARIABLE,
  UPSTREAM_SOURCES,
  UpstreamDefinitionsMissingError,
  resolveUpstreamDir,
  upstreamFile,
} from './upstreamDir';
export {
  validateKubernetesObject,
  validateKubernetesManifests,
} from './validateKubernetesObject';
export type { ValidateObjectOptions } from './validateKubernetesObject';
export {
  CRD_FOLDERS,
  findUpstreamCrd,
  loadUpstreamCrds,
  upstreamCrdGroups,
} from './crds';
export type { UpstreamCrdVersion } from './crds';
export {
  validateHelmValues,
  findUpstreamChart,
  upstreamCharts,
} from './helmValues';
export type { UpstreamChart } from './helmValues';
export { isCoreKind, CLUSTER_SCOPED_CORE_KINDS } from './coreKinds';
export { validateStructural } from './structuralSchema';
export type { StructuralSchema } from './structuralSchema';
