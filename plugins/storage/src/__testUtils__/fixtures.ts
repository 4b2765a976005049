/**
 * Test fixtures shaped exactly like the storage backend's responses. Times are
 * relative to when the test runs, so relative-time rendering is stable.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  emptyVerdictCounts,
  type ClaimCoverage,
  type ClusterStatus,
  type CoverageResponse,
  type CoverageRow,
  type EntityStorageResponse,
  type Tier,
  type Verdict,
  type VerdictCounts,
} from '@gitops-storage/plugin-storage-common';

const HOUR = 3600 * 1000;

export function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * HOUR).toISOString();
}

export const tiers: Tier[] = [
  {
    name: 'fast',
    title: 'Fast local NVMe',
    description: 'Local NVMe drives for databases. One node at a time.',
    storageClasses: ['storage-fast'],
    rpo: 'PT24H',
    rpoSeconds: 86400,
    accessModes: ['ReadWriteOnce'],
  },
  {
    name: 'bulk',
    title: 'Bulk HDD',
    description: 'Large, slow local disks for archives and media.',
    storageClasses: ['storage-bulk'],
    rpo: 'P7D',
    rpoSeconds: 7 * 86400,
    accessModes: ['ReadWriteOnce'],
  },
  {
    name: 'nfs',
    title: 'Shared NFS',
    description: 'Shared volumes many pods can write at once.',
    storageClasses: ['storage-nfs'],
    rpo: 'PT24H',
    rpoSeconds: 86400,
    accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'],
  },
  {
    name: 'local',
    storageClasses: ['storage-local'],
    rpo: 'PT72H',
    rpoSeconds: 3 * 86400,
  },
];

const GIB = 1024 ** 3;

export function claim(overrides: Partial<ClaimCoverage> = {}): ClaimCoverage {
  return {
    cluster: 'prod-eu',
    namespace: 'payments',
    name: 'data-payments-db-0',
    uid: `uid-${overrides.cluster ?? 'prod-eu'}-${
      overrides.namespace ?? 'payments'
    }-${overrides.name ?? 'data-payments-db-0'}`,
    storageClass: 'storage-fast',
    tier: 'fast',
    capacity: '50Gi',
    capacityBytes: 50 * GIB,
    accessModes: ['ReadWriteOnce'],
    volume: { name: 'pvc-6f1c', source: 'local' },
    verdict: 'protected',
    reasons: [],
    lastSuccessfulBackup: {
      time: hoursAgo(3),
      backup: 'payments-daily-20261126030000',
      phase: 'Completed',
      schedule: 'payments-daily',
      method: 'fs-backup',
    },
    lastAttempt: {
      time: hoursAgo(3),
      backup: 'payments-daily-20261126030000',
      phase: 'Completed',
      schedule: 'payments-daily',
      method: 'fs-backup',
    },
    schedules: [
      {
        name: 'payments-daily',
        cron: '0 3 * * *',
        method: 'fs-backup',
        storageLocation: 'default',
      },
    ],
    pods: ['payments-db-0'],
    ...overrides,
  };
}

export const protectedClaim = claim();

export const unprotectedClaim = claim({
  name: 'uploads',
  storageClass: 'storage-nfs',
  tier: 'nfs',
  capacity: '100Gi',
  capacityBytes: 100 * GIB,
  accessModes: ['ReadWriteMany'],
  volume: { name: 'pvc-a1b2', source: 'nfs' },
  verdict: 'unprotected',
  reasons: [
    {
      code: 'no-matching-schedule',
      message:
        'No enabled Velero schedule includes namespace "payments"; nothing backs up this volume.',
    },
  ],
  lastSuccessfulBackup: undefined,
  lastAttempt: undefined,
  schedules: [],
  pods: ['payments-api-7d9f'],
});

export const failingClaim = claim({
  name: 'cache',
  capacity: '10Gi',
  capacityBytes: 10 * GIB,
  volume: { name: 'pvc-c3d4', source: 'local' },
  verdict: 'failing',
  reasons: [
    {
      code: 'volume-backup-failed',
      message:
        'The last backup of this volume failed: the node agent on node-3 timed out.',
      schedule: 'payments-daily',
    },
  ],
  lastAttempt: {
    time: hoursAgo(2),
    backup: 'payments-daily-20261126030000',
    phase: 'Failed',
    schedule: 'payments-daily',
    method: 'fs-backup',
    message: 'timed out after 4h0m0s',
  },
  lastSuccessfulBackup: {
    time: hoursAgo(50),
    backup: 'payments-daily-20261124030000',
    phase: 'Completed',
    schedule: 'payments-daily',
    method: 'fs-backup',
  },
});

export const staleClaim = claim({
  cluster: 'prod-us',
  name: 'ledger',
  storageClass: 'storage-bulk',
  tier: 'bulk',
  capacity: '2Ti',
  capacityBytes: 2 * 1024 * GIB,
  volume: { name: 'pvc-e5f6', source: 'local' },
  verdict: 'stale',
  reasons: [
    {
      code: 'stale-backup',
      message:
        'The last successful backup is 9 days old; tier "bulk" needs one every 7 days.',
    },
  ],
  lastSuccessfulBackup: {
    time: hoursAgo(9 * 24),
    backup: 'payments-weekly-20261117',
    phase: 'Completed',
    schedule: 'payments-weekly',
    method: 'fs-backup',
  },
  lastAttempt: {
    time: hoursAgo(9 * 24),
    backup: 'payments-weekly-20261117',
    phase: 'Completed',
    schedule: 'payments-weekly',
    method: 'fs-backup',
  },
  schedules: [
    { name: 'payments-weekly', cron: '0 2 * * 0', method: 'fs-backup' },
  ],
});

export const hostPathClaim = claim({
  name: 'scratch-logs',
  storageClass: 'local-path',
  tier: 'unclassified',
  capacity: '5Gi',
  capacityBytes: 5 * GIB,
  volume: { name: 'pvc-0a0b', source: 'hostPath' },
  verdict: 'unprotected',
  reasons: [
    {
      code: 'hostpath-volume-unsupported',
      message:
        'The volume is a hostPath volume; Velero file-system backup never reads hostPath volumes.',
    },
  ],
  lastSuccessfulBackup: undefined,
  lastAttempt: undefined,
});

export const waivedClaim = claim({
  name: 'tmp-render',
  verdict: 'waived',
  reasons: [
    {
      code: 'waived',
      message: 'Backup waived: "render cache, rebuilt on start".',
    },
  ],
  lastSuccessfulBackup: undefined,
  lastAttempt: undefined,
  schedules: [],
});

export const unknownClaim = claim({
  cluster: 'prod-ap',
  name: 'sessions',
  verdict: 'unknown',
  reasons: [
    {
      code: 'cluster-unreachable',
      message: 'Cluster "prod-ap" could not be reached; backup state unknown.',
    },
  ],
  lastSuccessfulBackup: undefined,
  lastAttempt: undefined,
  schedules: [],
});

export const syncedClusters: ClusterStatus[] = [
  { name: 'prod-eu', status: 'synced', source: 'snapshot' },
  { name: 'prod-us', status: 'synced', source: 'snapshot' },
];

export function countVerdicts(claims: ClaimCoverage[]): VerdictCounts {
  const byVerdict = emptyVerdictCounts();
  for (const c of claims) byVerdict[c.verdict] += 1;
  return { total: claims.length, byVerdict };
}

export function entityStorageResponse(
  claims: ClaimCoverage[],
  clusters: ClusterStatus[] = syncedClusters,
  worstVerdict?: Verdict,
): EntityStorageResponse {
  const oldest = claims
    .map(c => c.lastSuccessfulBackup)
    .filter(b => b !== undefined)
    .sort((a, b) => a!.time.localeCompare(b!.time))[0];
  return {
    entityRef: 'component:default/payments',
    claims,
    clusters,
    summary: {
      ...countVerdicts(claims),
      worstVerdict,
      tiers: [...new Set(claims.map(c => c.tier))].sort(),
      totalCapacityBytes: claims.reduce(
        (sum, c) => sum + (c.capacityBytes ?? 0),
        0,
      ),
      oldestLastSuccess: oldest,
    },
  };
}

export function coverageRow(
  base: ClaimCoverage,
  owners: string[] = ['group:default/team-payments'],
): CoverageRow {
  return {
    ...base,
    entityRefs: ['component:default/payments'],
    owners,
  };
}

function summarise(claims: ClaimCoverage[], key: (c: ClaimCoverage) => string) {
  const out: Record<string, VerdictCounts> = {};
  for (const c of claims) {
    const k = key(c);
    out[k] ??= { total: 0, byVerdict: emptyVerdictCounts() };
    out[k].total += 1;
    out[k].byVerdict[c.verdict] += 1;
  }
  return out;
}

export function coverageResponse(
  rows: CoverageRow[],
  options: { totalRows?: number; offset?: number; limit?: number } = {},
): CoverageResponse {
  return {
    generatedAt: new Date().toISOString(),
    summary: {
      ...countVerdicts(rows),
      byTier: summarise(rows, c => c.tier),
      byCluster: summarise(rows, c => c.cluster),
      byNamespace: summarise(rows, c => `${c.cluster}/${c.namespace}`),
    },
    totalRows: options.totalRows ?? rows.length,
    offset: options.offset ?? 0,
    limit: options.limit ?? 50,
    rows,
    backupStorageLocations: [
      {
        cluster: 'prod-eu',
        name: 'default',
        phase: 'Available',
        default: true,
        provider: 'aws',
        lastValidationTime: hoursAgo(0.1),
      },
      {
        cluster: 'prod-us',
        name: 'default',
        phase: 'Unavailable',
        default: true,
        provider: 'aws',
        lastValidationTime: hoursAgo(0.2),
        message:
          'BackupStorageLocation "default" is unavailable: bucket not found',
      },
    ],
    clusters: syncedClusters,
  };
}

export const annotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-id': 'payments' },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

export const plainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'docs-site', namespace: 'default' },
  spec: { type: 'website', owner: 'team-docs', lifecycle: 'production' },
};
