import { join } from 'node:path';
import { evaluateCluster } from '../engine/evaluateClaim';
import { compareWorstFirst } from '../engine/summarize';
import { REASON_CODES, type Tier } from '../model';
import { loadSnapshotDirectory } from './loadSnapshotDirectory';

const ROOT = join(__dirname, '../../../..');
const CLUSTERS = join(ROOT, 'test/fixtures/clusters');
const NOW = new Date('2026-11-26T06:00:00Z');
const TIERS: Tier[] = [
  {
    name: 'fast',
    storageClasses: ['storage-fast', 'storage-csi'],
    rpo: 'PT24H',
    rpoSeconds: 86400,
  },
  {
    name: 'bulk',
    storageClasses: ['storage-bulk'],
    rpo: 'PT24H',
    rpoSeconds: 86400,
  },
];

/**
 * One namespace per Velero rule (test/fixtures/clusters/velero-rules): what
 * Velero 1.18.1 would do with each, at 2026-11-26T06:00:00Z.
 */
const GOLDEN = `
unprotected  csi/static-claim     not-opted-in-fs-backup,snapshot-needs-storage-class
unprotected  devices/raw          block-volume-unsupported
unprotected  devices/spare        volume-not-mounted
unprotected  lab/data             excluded-by-label
unprotected  policies/cache       volume-policy-snapshot
unprotected  policies/scratch     volume-policy-skip
unprotected  quarantine/data      namespace-excluded-by-label
unprotected  selectors/data       label-selector-mismatch,snapshot-skipped-for-fs-backup
stale        deleting/data        stale-backup,backup-being-deleted
stale        expiring/data        backup-expired,ttl-shorter-than-rpo
stale        moved/data           storage-location-missing
stale        never/data           never-backed-up
stale        restored/data        awaiting-first-backup
protected    shared/data          foreign-backup-ignored
protected    skewed/data          clock-skew
protected    unmodelled/data      evidence-contradicts-model,label-selector-mismatch
`
  .trim()
  .split('\n')
  .map(line => line.trim().replace(/\s+/g, ' '));

async function evaluate(dir: string, ctx: { tiers?: Tier[] } = {}) {
  const snapshot = await loadSnapshotDirectory(join(CLUSTERS, dir));
  return evaluateCluster(snapshot.state, {
    cluster: snapshot.cluster,
    tiers: ctx.tiers ?? TIERS,
    now: NOW,
    veleroNamespace: 'velero',
  }).sort(compareWorstFirst);
}

describe('the velero-rules snapshot (golden)', () => {
  it('gives the verdicts Velero 1.18.1 implies, one rule per namespace', async () => {
    const claims = await evaluate('velero-rules');
    expect(
      claims.map(
        c =>
          `${c.verdict} ${c.namespace}/${c.name} ${
            c.reasons.map(r => r.code).join(',') || '-'
          }`,
      ),
    ).toEqual(GOLDEN);
  });

  it('labels never-backed-up and awaiting-first-backup apart', async () => {
    const claims = await evaluate('velero-rules');
    const status = (ns: string) =>
      claims.find(c => c.namespace === ns)?.backupStatus;
    expect(status('never')).toBe('never-backed-up');
    expect(status('restored')).toBe('awaiting-first-backup');
    expect(status('expiring')).toBeUndefined(); // it had a copy once
  });

  it('with the demo, exercises every reason code but those no snapshot can show', async () => {
    const codes = new Set(
      [
        ...(await evaluate('velero-rules')),
        ...(await evaluate('demo')),
      ].flatMap(c => c.reasons.map(r => r.code)),
    );
    // A snapshot was read, so no cluster is unreachable and no data is
    // stale (snapshots do not age; clusterReadability.test.ts); the CSI
    // feature flag is a server setting (veleroDecisions.test.ts).
    const notInSnapshots = [
      'cluster-unreachable',
      'data-stale',
      'csi-snapshots-disabled',
    ];
    expect([...codes].sort()).toEqual(
      REASON_CODES.filter(c => !notInSnapshots.includes(c)).sort(),
    );
  });
});
