import { renderYaml } from '../../yaml/yamlDocument';

export const KRO_VELERO_ROLE = 'kro-velero-schedules';

/**
 * Lets kro manage Velero Schedules when its chart runs with
 * `rbac.mode: aggregation` (kro v0.9.3 helm/values.yaml): that mode
 * aggregates ClusterRoles labelled rbac.kro.run/aggregate-to-controller.
 * With the default `unrestricted` mode kro may already do anything.
 */
export function kroVeleroRole(): string {
  return renderYaml(
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: {
        name: KRO_VELERO_ROLE,
        labels: { 'rbac.kro.run/aggregate-to-controller': 'true' },
      },
      rules: [
        {
          apiGroups: ['velero.io'],
          resources: ['schedules'],
          verbs: [
            'get',
            'list',
            'watch',
            'create',
            'update',
            'patch',
            'delete',
          ],
        },
      ],
    },
    {
      header:
        'kro may manage the Velero Schedules of BackupPolicies (needed when kro runs with rbac.mode: aggregation).\nWritten by backstage-storage.',
    },
  );
}
