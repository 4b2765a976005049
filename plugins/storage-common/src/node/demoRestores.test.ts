import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { evaluateCluster } from '../engine/evaluateClaim';
import { readStorageEngineConfig } from '../tiers/readStorageConfig';
import { loadSnapshotDirectory } from './loadSnapshotDirectory';

const ROOT = join(__dirname, '../../../..');
const DEMO = join(ROOT, 'test/fixtures/clusters/demo');
const NOW = new Date('2026-11-26T06:00:00Z');
const engine = readStorageEngineConfig(
  parse(readFileSync(join(ROOT, 'app-config.yaml'), 'utf8')),
);

async function restoreLines(options: { timeShift?: boolean; now?: Date } = {}) {
  const snapshot = await loadSnapshotDirectory(DEMO, options);
  return evaluateCluster(snapshot.state, {
    cluster: snapshot.cluster,
    tiers: engine.tiers,
    now: options.now ?? NOW,
    veleroNamespace: 'velero',
  })
    .filter(c => c.restore)
    .map(
      c =>
        `${c.namespace}/${c.name} ${c.restore!.status} ${
          c.restore!.lastSuccessfulRestore?.restore ?? '-'
        } ${c.restore!.reasons.map(r => r.code).join(',') || '-'}`,
    )
    .sort();
}

/**
 * The demo's restores (test/fixtures/clusters/demo/velero/restores.yaml):
 * yesterday's orders drill into orders-restore-test, a payments drill six
 * weeks old whose db-1 copy failed, and a gitea drill still running. The
 * fast tier asks for a restore every 30 days (app-config.yaml).
 */
const GOLDEN = [
  'gitea/data-gitea-0 never-verified - restore-never-verified',
  'gitea/data-gitea-postgresql-0 never-verified - restore-never-verified',
  'keycloak/data-keycloak-postgresql-0 never-verified - restore-never-verified',
  'orders/data-orders-db-0 verified orders-daily-20261125023000-20261125091500 -',
  'orders/data-orders-db-1 verified orders-daily-20261125023000-20261125091500 -',
  'payments/data-payments-db-0 overdue payments-daily-20261012020000-20261012100000 restore-test-overdue',
  'payments/data-payments-db-1 never-verified - restore-never-verified,restore-failed',
  'payments/payments-api-cache never-verified - restore-never-verified',
  'search/index-search-indexer-0 never-verified - restore-never-verified',
  'search/index-search-indexer-1 never-verified - restore-never-verified',
  'search/search-indexer-spare never-verified - restore-never-verified',
];

describe('the demo snapshot: restore verification (golden)', () => {
  it('gives each fast-tier volume its restore status', async () => {
    expect(await restoreLines()).toEqual(GOLDEN);
  });

  it('keeps it when time-shifted (restore names carry shifted stamps)', async () => {
    const later = new Date('2027-02-14T09:30:00Z');
    const shifted = await restoreLines({ timeShift: true, now: later });
    expect(shifted.map(l => l.split(' ').slice(0, 2).join(' '))).toEqual(
      GOLDEN.map(l => l.split(' ').slice(0, 2).join(' ')),
    );
  });

  it('names the backup and the scratch namespace of the drill', async () => {
    const snapshot = await loadSnapshotDirectory(DEMO);
    const claim = evaluateCluster(snapshot.state, {
      cluster: 'demo',
      tiers: engine.tiers,
      now: NOW,
      veleroNamespace: 'velero',
    }).find(c => c.name === 'data-orders-db-0')!;
    expect(claim.verdict).toBe('protected');
    expect(claim.restore?.lastSuccessfulRestore).toEqual({
      time: '2026-11-25T09:39:12Z',
      restore: 'orders-daily-20261125023000-20261125091500',
      backup: 'orders-daily-20261125023000',
      namespace: 'orders-restore-test',
      drill: true,
      method: 'fs-backup',
      phase: 'Completed',
      restorePhase: 'Completed',
      outcome: 'completed',
    });
    const gitea = evaluateCluster(snapshot.state, {
      cluster: 'demo',
      tiers: engine.tiers,
      now: NOW,
      veleroNamespace: 'velero',
    }).find(c => c.name === 'data-gitea-postgresql-0')!;
    // Its copy completed, but the Restore is still running.
    expect(gitea.restore?.lastAttempt).toMatchObject({
      outcome: 'in-progress',
      restorePhase: 'InProgress',
    });
  });
});
