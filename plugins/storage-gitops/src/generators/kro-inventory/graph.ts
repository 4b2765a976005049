import { renderYaml } from '../../yaml/yamlDocument';

/** Name of the ResourceGraphDefinition; its kind's CRD is driveinventories.kro.run. */
export const GRAPH_NAME = 'drive-inventory';

function driveClass(name: string, tier: string | undefined) {
  return {
    id: name === 'storage-fast' ? 'fastClass' : 'bulkClass',
    includeWhen: [`\${schema.spec.drives.exists(d, d.tier == "${name}")}`],
    template: {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: tier
        ? { name, labels: { 'gitops-storage.dev/tier': tier } }
        : { name },
      provisioner: 'kubernetes.io/no-provisioner',
      volumeBindingMode: 'WaitForFirstConsumer',
      reclaimPolicy: 'Retain',
    },
  };
}

/**
 * The kro (v0.9) ResourceGraphDefinition: a cluster-scoped DriveInventory
 * whose drives become the storage-fast / storage-bulk classes and one local
 * PersistentVolume per drive, pinned to its node.
 */
export function driveInventoryGraph(
  tierOfClass: (storageClass: string) => string | undefined,
): string {
  const graph = {
    apiVersion: 'kro.run/v1alpha1',
    kind: 'ResourceGraphDefinition',
    metadata: { name: GRAPH_NAME },
    spec: {
      schema: {
        apiVersion: 'v1alpha1',
        kind: 'DriveInventory',
        scope: 'Cluster',
        types: {
          Drive: {
            id: 'string | required=true pattern="^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"',
            node: 'string | required=true',
            path: 'string | required=true',
            capacity: 'string | required=true',
            tier: 'string | required=true enum="storage-fast,storage-bulk"',
          },
        },
        spec: { drives: '[]Drive | required=true' },
        status: { volumeCount: '${size(localVolumes)}' },
      },
      resources: [
        driveClass('storage-fast', tierOfClass('storage-fast')),
        driveClass('storage-bulk', tierOfClass('storage-bulk')),
        {
          id: 'localVolumes',
          forEach: [{ drive: '${schema.spec.drives}' }],
          readyWhen: [
            '${each.?status.?phase.orValue("") in ["Available", "Bound"]}',
          ],
          template: {
            apiVersion: 'v1',
            kind: 'PersistentVolume',
            metadata: {
              name: 'local-${drive.node}-${drive.id}',
              labels: {
                'gitops-storage.dev/storage-class': '${drive.tier}',
                'gitops-storage.dev/drive': '${drive.id}',
              },
            },
            spec: {
              capacity: { storage: '${drive.capacity}' },
              accessModes: ['ReadWriteOnce'],
              persistentVolumeReclaimPolicy: 'Retain',
              storageClassName: '${drive.tier}',
              local: { path: '${drive.path}' },
              nodeAffinity: {
                required: {
                  nodeSelectorTerms: [
                    {
                      matchExpressions: [
                        {
                          key: 'kubernetes.io/hostname',
                          operator: 'In',
                          values: ['${drive.node}'],
                        },
                      ],
                    },
                  ],
                },
              },
            },
          },
        },
      ],
    },
  };
  return renderYaml(graph, {
    header: [
      'Drive inventory → storage classes and local PersistentVolumes (kro v0.9: scope Cluster',
      'needs kro >= 0.9.0, forEach >= 0.8.0). Written by backstage-storage.',
    ].join('\n'),
    keyComments: {
      'spec.schema.scope':
        'One inventory per cluster; it only creates cluster-scoped objects.',
      'spec.resources': [
        'A class exists only while some drive is in it. Local PVs need a path that',
        'already exists on the node; the name carries every forEach dimension.',
      ].join('\n'),
    },
  });
}
