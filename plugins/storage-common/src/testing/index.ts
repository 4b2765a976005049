/**
 * Builders of realistic Kubernetes and Velero objects for tests (each one
 * validates against the upstream definitions; see upstream-oracle).
 *
 * @packageDocumentation
 */
export * from './objects';
export * from './restoreObjects';
