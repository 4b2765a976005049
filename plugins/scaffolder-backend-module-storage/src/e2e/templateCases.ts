import type { JsonObject } from '@backstage/types';

/** What a user would type into each template's form, and what must come out. */
export interface TemplateCase {
  template: string;
  generator: string;
  typed: JsonObject;
  /** Files the change set must contain. */
  expectFiles: string[];
  /** Text the diff must contain. */
  expectDiff: string[];
}

export const TEMPLATE_CASES: TemplateCase[] = [
  {
    template: 'nfs-provisioner',
    generator: 'nfs-provisioner',
    typed: { server: 'nas.storage.internal' },
    expectFiles: [
      'apps/storage/nfs-subdir-external-provisioner/base/kustomization.yaml',
      'apps/cicd/argocd/overlays/main/applications/prod/storage/kustomization.yaml',
    ],
    expectDiff: [
      'nas.storage.internal',
      '/mnt/storage-bulk/nfs',
      'storage-nfs',
    ],
  },
  {
    template: 'velero',
    generator: 'velero',
    typed: {
      bucket: 'velero-backups',
      credentialsSecret: 'velero-credentials',
      s3Url: 'http://minio.minio.svc:9000',
      metricsHost: 'velero-metrics.example.com',
    },
    expectFiles: [
      'apps/storage/velero/base/kustomization.yaml',
      'apps/storage/velero/overlays/prod/metrics-ingress.yaml',
    ],
    expectDiff: ['velero-backups', 'velero-credentials', 'kopia'],
  },
  {
    template: 'kro-inventory',
    generator: 'kro-inventory',
    typed: {
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
      ],
    },
    expectFiles: ['apps/storage/overlays/prod/kustomization.yaml'],
    expectDiff: ['ResourceGraphDefinition', 'node-a', 'nvme0'],
  },
  {
    template: 'velero-schedules',
    generator: 'velero-schedules',
    typed: {
      namespaces: [
        { name: 'payments', tiers: ['fast'], paused: false },
        { name: 'orders', tiers: ['bulk', 'nfs'], paused: false },
      ],
    },
    expectFiles: [
      'apps/storage/velero/overlays/prod/schedules/payments.yaml',
      'apps/storage/velero/overlays/prod/schedules/orders.yaml',
    ],
    expectDiff: ['kind: Schedule', 'payments'],
  },
  {
    template: 'kro-backup-policies',
    generator: 'kro-backup-policies',
    typed: {
      policies: [
        { namespace: 'payments', tiers: ['fast'], paused: false },
        { namespace: 'orders', tiers: ['bulk', 'nfs'], paused: false },
      ],
    },
    expectFiles: [
      'apps/storage/overlays/prod/backup-policy-graph.yaml',
      'apps/storage/backup-policies/base/payments.yaml',
      'apps/storage/backup-policies/base/orders.yaml',
    ],
    expectDiff: ['kind: ResourceGraphDefinition', 'kind: BackupPolicy'],
  },
  {
    template: 'volume-request',
    generator: 'volume-request',
    typed: {
      folder: 'apps/payments/payments-api/base',
      claimName: 'payments-data',
      size: '50Gi',
      accessMode: 'ReadWriteOnce',
      tier: 'fast',
      protection: 'backup',
      workloadKind: 'Deployment',
      workloadName: 'payments-api',
      mountPath: '/var/lib/payments',
    },
    expectFiles: ['apps/payments/payments-api/base/kustomization.yaml'],
    expectDiff: [
      'payments-data',
      'storage-fast',
      '50Gi',
      'backup.velero.io/backup-volumes',
    ],
  },
];

/** A developer's volume without backup: a waiver with its reason. */
export const VOLUME_WAIVER_CASE: TemplateCase = {
  template: 'volume-request',
  generator: 'volume-request',
  typed: {
    folder: 'apps/payments/payments-api/base',
    claimName: 'payments-cache',
    size: '20Gi',
    accessMode: 'ReadWriteMany',
    tier: 'nfs',
    protection: 'waiver',
    waiverReason: 'Cache only: rebuilt from the database on start.',
  },
  expectFiles: [
    'apps/payments/payments-api/base/kustomization.yaml',
    'apps/payments/payments-api/base/payments-cache-pvc.yaml',
  ],
  expectDiff: [
    'payments-cache',
    'storage-nfs',
    'gitops-storage.dev/backup-waiver',
  ],
};
