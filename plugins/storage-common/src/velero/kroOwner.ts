import type { ScheduleOwner } from '../model/coverage';

/**
 * Labels kro v0.9.3 stamps on every object an instance of a graph creates
 * (pkg/metadata/labels.go, applyDecoratorLabels in
 * pkg/controller/instance/resources.go).
 */
export const KRO_LABELS = {
  owned: 'kro.run/owned',
  managedBy: 'app.kubernetes.io/managed-by',
  instanceKind: 'kro.run/instance-kind',
  instanceName: 'kro.run/instance-name',
  instanceNamespace: 'kro.run/instance-namespace',
  graph: 'kro.run/resource-graph-definition-name',
} as const;

/**
 * The kro instance that owns an object, from its labels; undefined when kro
 * does not own it. Owned as kro's IsKROOwned decides it: `kro.run/owned:
 * "true"`, or, without that label, `app.kubernetes.io/managed-by: kro`.
 */
export function kroOwnerOf(
  labels: Record<string, string>,
): ScheduleOwner | undefined {
  const owned =
    KRO_LABELS.owned in labels
      ? labels[KRO_LABELS.owned] === 'true'
      : labels[KRO_LABELS.managedBy] === 'kro';
  const kind = labels[KRO_LABELS.instanceKind];
  const name = labels[KRO_LABELS.instanceName];
  if (!owned || !kind || !name) return undefined;
  const namespace = labels[KRO_LABELS.instanceNamespace];
  const graph = labels[KRO_LABELS.graph];
  return {
    kind,
    name,
    ...(namespace ? { namespace } : {}),
    ...(graph ? { graph } : {}),
  };
}
