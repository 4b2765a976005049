import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

function example(
  generatorId: string,
  description: string,
  input: Record<string, unknown>,
): TemplateExample {
  return {
    description,
    example: yaml.stringify({
      steps: [
        {
          id: 'generate',
          action: `storage:gitops:${generatorId}`,
          name: description,
          input: { repoPath: 'gitops', ...input },
        },
      ],
    }),
  };
}

/** Examples per generator id, run against the fixture repository in tests. */
export const generatorExamples: Record<string, TemplateExample[]> = {
  'nfs-provisioner': [
    example(
      'nfs-provisioner',
      'Add the NFS provisioner for the bulk disks export',
      { nfs: { server: 'nas.storage.internal' } },
    ),
    example(
      'nfs-provisioner',
      'Add the NFS provisioner with a custom export, retained volumes and a pinned chart',
      {
        namespace: 'nfs',
        nfs: {
          server: '10.0.20.5',
          path: '/export/k8s',
          mountOptions: ['nfsvers=4.2', 'hard', 'noatime'],
        },
        storageClass: { reclaimPolicy: 'Retain', archiveOnDelete: false },
        chart: { version: '4.0.18' },
      },
    ),
  ],
  velero: [
    example(
      'velero',
      'Add Velero with a MinIO backup location and credentials from an existing Secret',
      {
        credentials: { existingSecret: 'velero-credentials' },
        backupStorageLocations: [
          {
            name: 'default',
            default: true,
            bucket: 'velero-backups',
            s3Url: 'http://minio.minio.svc:9000',
          },
        ],
      },
    ),
    example(
      'velero',
      'Add Velero with explicit schedules and metrics behind authentik',
      {
        credentials: { existingSecret: 'velero-credentials' },
        backupStorageLocations: [
          {
            name: 'default',
            bucket: 'velero-backups',
            prefix: 'prod',
            region: 'eu-west-1',
            s3Url: 'https://s3.example.com',
          },
        ],
        schedules: [
          { name: 'nightly', schedule: '0 2 * * *', ttl: '720h' },
          {
            name: 'hourly-payments',
            schedule: '0 * * * *',
            ttl: '72h',
            includedNamespaces: ['payments'],
          },
        ],
        metricsIngress: { host: 'velero-metrics.example.com' },
      },
    ),
  ],
  'kro-inventory': [
    example(
      'kro-inventory',
      'Describe two nodes with an NVMe and a bulk disk each',
      {
        drives: [
          {
            id: 'nvme0',
            node: 'node-a',
            path: '/mnt/storage-fast/nvme0',
            capacity: '900Gi',
            tier: 'storage-fast',
          },
          {
            id: 'sda',
            node: 'node-a',
            path: '/mnt/storage-bulk/sda',
            capacity: '4Ti',
            tier: 'storage-bulk',
          },
          {
            id: 'nvme0',
            node: 'node-b',
            path: '/mnt/storage-fast/nvme0',
            capacity: '900Gi',
            tier: 'storage-fast',
          },
          {
            id: 'sda',
            node: 'node-b',
            path: '/mnt/storage-bulk/sda',
            capacity: '4Ti',
            tier: 'storage-bulk',
          },
        ],
      },
    ),
    example(
      'kro-inventory',
      'Describe one drive and enforce the allowed tiers per namespace',
      {
        inventoryName: 'edge-drives',
        drives: [
          {
            id: 'nvme0',
            node: 'edge-1',
            path: '/mnt/storage-fast/nvme0',
            capacity: '450Gi',
            tier: 'storage-fast',
          },
        ],
        enforceClassesPerNamespace: true,
      },
    ),
  ],
  'velero-schedules': [
    example(
      'velero-schedules',
      'Back up two namespaces on the cadence of their tiers',
      {
        namespaces: [
          { name: 'payments', tiers: ['fast'] },
          { name: 'orders', tiers: ['bulk', 'nfs'] },
        ],
      },
    ),
    example(
      'velero-schedules',
      'Override the cron and retention of one namespace',
      {
        storageLocation: 'default',
        namespaces: [
          {
            name: 'payments',
            tiers: ['fast'],
            schedule: '30 1 * * *',
            ttl: '336h',
          },
        ],
      },
    ),
  ],
  'kro-backup-policies': [
    example(
      'kro-backup-policies',
      'Back up two namespaces through kro BackupPolicies on the cadence of their tiers',
      {
        policies: [
          { namespace: 'payments', tiers: ['fast'] },
          { namespace: 'orders', tiers: ['bulk', 'nfs'] },
        ],
      },
    ),
    example(
      'kro-backup-policies',
      'A BackupPolicy from an RPO, only for labelled resources, with kro already installed',
      {
        storageLocation: 'default',
        kro: { install: false },
        policies: [
          {
            namespace: 'payments',
            rpo: { hours: 4 },
            labelSelector: { matchLabels: { backup: 'true' } },
          },
        ],
      },
    ),
  ],
  'volume-request': [
    example(
      'volume-request',
      'Request a 50Gi fast volume for payments-api and back it up',
      {
        folder: 'apps/payments/payments-api/base',
        claimName: 'payments-data',
        tier: 'fast',
        size: '50Gi',
        accessMode: 'ReadWriteOnce',
        backup: {
          workload: { kind: 'Deployment', name: 'payments-api' },
          mountPath: '/var/lib/payments',
        },
      },
    ),
    example(
      'volume-request',
      'Request a shared NFS cache volume without backup (waiver)',
      {
        folder: 'apps/payments/payments-api/base',
        claimName: 'payments-cache',
        tier: 'nfs',
        size: '20Gi',
        accessMode: 'ReadWriteMany',
        waiver: { reason: 'Cache only: rebuilt from the database on start.' },
      },
    ),
  ],
};
