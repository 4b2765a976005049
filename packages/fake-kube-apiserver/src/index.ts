/**
 * A Kubernetes API server stand-in that speaks the real wire protocol, for
 * tests and benchmarks on machines where no API server can run.
 *
 * @packageDocumentation
 */

export { FakeKubeApiServer } from './FakeKubeApiServer';
export type { FakeKubeApiServerOptions, Fault } from './FakeKubeApiServer';
export { InMemoryResourceStore } from './InMemoryResourceStore';
export type {
  ResourceStore,
  ResourcePath,
  WatchEvent,
  StoredObject,
} from './ResourceStore';
export { parseResourcePath } from './resourcePath';
export { parseLabelSelector, matchesLabels } from './labelSelector';
export type { LabelRequirement } from './labelSelector';
export { writeKubeconfig } from './kubeconfig';
export { loadObjects } from './loadObjects';
