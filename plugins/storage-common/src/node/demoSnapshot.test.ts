import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { evaluateCluster } from '../engine/evaluateClaim';
import { compareWorstFirst, summarize } from '../engine/summarize';
import { readStorageEngineConfig } from '../tiers/readStorageConfig';
import { loadSnapshotDirectory } from './loadSnapshotDirectory';

const ROOT = join(__dirname, '../../../..');
const DEMO = join(ROOT, 'test/fixtures/clusters/demo');
const NOW = new Date('2026-11-26T06:00:00Z');
const engine = readStorageEngineConfig(
  parse(readFileSync(join(ROOT, 'app-config.yaml'), 'utf8')),
);

/**
 * The golden verdicts of the demo snapshot at 2026-11-26T06:00:00Z.
 *
 * Changed when the engine began to follow Velero 1.18.1's code (issues 10
 * and 17), each for a reason:
 * - analytics/data-warehouse-0/1: their copies live in the Unavailable
 *   location "offsite"; a copy counts only while its location can
 *   serve a restore, so `stale-backup` became `storage-location-missing`.
 * - search/search-indexer-snapshots: created 2026-11-24 under the weekly
 *   schedule, whose next run (getNextRunTime: last backup 2026-11-22 +
 *   `@every 168h`) is 2026-11-29: `awaiting-first-backup`, not
 *   `never-backed-up`. The fixture's schedule is `@every 168h` rather than
 *   `0 3 * * 0` so that demo mode's time shift keeps it true on any weekday.
 * - payments PodVolumeBackups in the fixture finished after their Backup,
 *   which Velero cannot do (the Backup waits for them); the fixture was
 *   corrected rather than reported as clock skew.
 */
const GOLDEN = `
unprotected  ci-runners/runner-cache                          bulk          label-selector-mismatch
unprotected  ci-scratch/build-cache                           bulk          namespace-excluded
unprotected  keycloak/data-keycloak-postgresql-0              fast          resource-filter-excludes
unprotected  media/media-originals                            local         hostpath-volume-unsupported
unprotected  media/media-thumbnails                           local         hostpath-volume-unsupported
unprotected  monitoring/grafana                               local         hostpath-volume-unsupported,no-matching-schedule
unprotected  monitoring/prometheus-k8s-db-prometheus-k8s-0    bulk          no-matching-schedule
unprotected  orders/orders-export-staging                     bulk          waiver-expired,not-opted-in-fs-backup,snapshot-unsupported-volume
unprotected  orders/orders-service-uploads                    nfs           not-opted-in-fs-backup,snapshot-unsupported-volume
unprotected  payments/payments-api-cache                      fast          excluded-by-annotation
unprotected  reports/legacy-reports-data                      unclassified  label-selector-mismatch,schedule-paused
unprotected  search/search-indexer-spare                      fast          volume-unbound,no-running-pod
unprotected  search/search-reindex-workspace                  bulk          no-running-pod
failing      analytics/data-warehouse-0                       bulk          bsl-unavailable,backup-failed,storage-location-missing
failing      analytics/data-warehouse-1                       bulk          bsl-unavailable,backup-failed,storage-location-missing
failing      media/media-shared                               nfs           backup-failed,stale-backup
failing      orders/data-orders-db-1                          fast          volume-backup-failed,stale-backup
failing      reports/legacy-reports-exports                   nfs           schedule-failed-validation,stale-backup
unknown      analytics/data-warehouse-replica-0               replicated    velero-unreadable
stale        search/index-search-indexer-0                    fast          stale-backup
stale        search/index-search-indexer-1                    fast          stale-backup
stale        search/search-indexer-snapshots                  bulk          awaiting-first-backup
waived       media/media-transcode-scratch                    local         waived,hostpath-volume-unsupported
waived       payments/payments-reconcile-scratch              local         waived,hostpath-volume-unsupported
protected    gitea/data-gitea-0                               fast          backup-in-progress
protected    gitea/data-gitea-postgresql-0                    fast          backup-in-progress
protected    orders/data-orders-db-0                          fast          -
protected    payments/data-payments-db-0                      fast          -
protected    payments/data-payments-db-1                      fast          -
protected    payments/payments-api-uploads                    nfs           -
`
  .trim()
  .split('\n')
  .map(line => line.trim().replace(/\s+/g, ' '));

async function demoLines(options: { timeShift?: boolean; now?: Date } = {}) {
  const snapshot = await loadSnapshotDirectory(DEMO, options);
  const claims = evaluateCluster(snapshot.state, {
    cluster: snapshot.cluster,
    tiers: engine.tiers,
    now: options.now ?? NOW,
    veleroNamespace: 'velero',
  }).sort(compareWorstFirst);
  return {
    snapshot,
    claims,
    lines: claims.map(
      c =>
        `${c.verdict} ${c.namespace}/${c.name} ${c.tier} ${
          c.reasons.map(r => r.code).join(',') || '-'
        }`,
    ),
  };
}

describe('the demo snapshot (golden)', () => {
  it('uses the tiers of app-config.yaml', () => {
    expect(
      engine.tiers.map(t => `${t.name}:${t.storageClasses.join('+')}:${t.rpo}`),
    ).toEqual([
      'fast:storage-fast:PT24H',
      'bulk:storage-bulk:PT24H',
      'local:storage-local:PT24H',
      'nfs:storage-nfs:PT24H',
    ]);
  });

  it('gives the golden verdicts and reasons', async () => {
    const { lines, snapshot } = await demoLines();
    expect(snapshot.cluster).toBe('demo');
    expect(lines).toEqual(GOLDEN);
  });

  it('shows every verdict over several teams', async () => {
    const { claims } = await demoLines();
    const summary = summarize(claims);
    expect(summary.total).toBeGreaterThanOrEqual(20);
    expect(Object.values(summary.byVerdict).every(n => n > 0)).toBe(true);
    // Reason codes: with the velero-rules snapshot, every code is shown
    // (veleroRulesSnapshot.test.ts).
    expect(Object.keys(summary.byNamespace)).toHaveLength(11);
  });

  it('labels the pods of the example catalog services', async () => {
    const { snapshot } = await demoLines();
    const ids = new Set<string>();
    for (const namespace of [
      'payments',
      'orders',
      'search',
      'media',
      'analytics',
      'reports',
    ]) {
      for (const key of snapshot.state.claimKeysInNamespace(namespace)) {
        for (const pod of snapshot.state.podsMounting(key)) {
          ids.add(`${namespace}:${pod.labels['backstage.io/kubernetes-id']}`);
        }
      }
    }
    expect([...ids].sort()).toEqual([
      'analytics:analytics-warehouse',
      'media:media-store',
      'orders:orders-service',
      'payments:payments-api',
      'reports:legacy-reports',
      'search:search-indexer',
    ]);
  });

  it('reports backups of the protected volumes', async () => {
    const { claims } = await demoLines();
    const db = claims.find(c => c.name === 'data-payments-db-0')!;
    expect(db.schedules).toEqual([
      {
        name: 'payments-daily',
        cron: '0 2 * * *',
        method: 'fs-backup',
        storageLocation: 'default',
      },
    ]);
    expect(db.lastSuccessfulBackup).toMatchObject({
      backup: 'payments-daily-20261126020000',
      phase: 'Completed',
      method: 'fs-backup',
    });
    expect(db.capacity).toBe('50Gi');
    const gitea = claims.find(c => c.name === 'data-gitea-0')!;
    expect(gitea.lastAttempt).toMatchObject({
      backup: 'platform-hourly-20261126055500',
      phase: 'New',
    });
  });

  it('keeps its verdicts when time-shifted to another day (demo mode)', async () => {
    const later = new Date('2027-02-14T09:30:00Z');
    const shifted = await demoLines({ timeShift: true, now: later });
    expect(shifted.snapshot.shiftedByMs).toBe(later.getTime() - NOW.getTime());
    expect(shifted.lines).toEqual(GOLDEN);
    const db = shifted.claims.find(c => c.name === 'data-payments-db-0')!;
    expect(db.lastSuccessfulBackup?.backup).toBe(
      'payments-daily-20270214053000',
    );
  });

  it('ages when evaluated later without the shift', async () => {
    const { claims } = await demoLines({
      now: new Date('2026-11-30T06:00:00Z'),
    });
    expect(claims.filter(c => c.verdict === 'protected')).toEqual([]);
  });
});
