/**
 * `yarn bench:coverage`: folds 1,000,000 PodVolumeBackups for 50,000 PVCs
 * through ClusterState.apply, evaluates every claim, and prints the times
 * and memory. Objects are generated in memory one at a time, shaped like the
 * API server's, so memory reflects what the engine keeps, not the input.
 *
 * Objects follow Velero 1.18's rules: pods are scheduled and mount their
 * volume, and PodVolumeBackups exist only for the volumes Velero copies
 * (opt-out namespaces, running pods), as the upstream conformance test
 * expects of every generated object.
 *
 * Options (environment): BENCH_CLAIMS (50000), BENCH_PVBS (1000000),
 * BENCH_NAMESPACES (500).
 */
import {
  ClusterState,
  createClaimEvaluator,
  evaluateCluster,
  summarize,
  type EvaluationContext,
  type Tier,
} from '@gitops-storage/plugin-storage-common';

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 50_000);
const PVBS = Number(process.env.BENCH_PVBS ?? 1_000_000);
const NAMESPACES = Number(process.env.BENCH_NAMESPACES ?? 500);
const NOW = Date.parse('2026-11-26T06:00:00Z');
const HOUR = 3600_000;
const PER_NAMESPACE = Math.ceil(CLAIMS / NAMESPACES);
const RUNS = Math.ceil(PVBS / CLAIMS);

const tiers: Tier[] = [
  { name: 'fast', storageClasses: ['storage-fast'], rpo: 'PT24H', rpoSeconds: 86400 },
  { name: 'nfs', storageClasses: ['storage-nfs'], rpo: 'PT24H', rpoSeconds: 86400 },
];

const iso = (ms: number) => new Date(ms).toISOString();
const ns = (n: number) => `team-${String(n).padStart(4, '0')}`;
const claimName = (i: number) => `data-app-${i}`;
const claimUid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
/** Runs go back one per day; run 0 is today's. */
const backupName = (n: number, run: number) => `${ns(n)}-daily-${20261126 - run}020000`;

function* coreObjects(): Generator<unknown> {
  yield { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'storage-fast' }, provisioner: 'kubernetes.io/no-provisioner' };
  yield { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'storage-nfs' }, provisioner: 'cluster.local/nfs-subdir-external-provisioner' };
  yield {
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    metadata: { name: 'default', namespace: 'velero' },
    spec: { provider: 'aws', default: true, objectStorage: { bucket: 'velero' } },
    status: { phase: 'Available' },
  };
  for (let n = 0; n < NAMESPACES; n++) {
    yield { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns(n) } };
    yield {
      apiVersion: 'velero.io/v1',
      kind: 'Schedule',
      metadata: { name: `${ns(n)}-daily`, namespace: 'velero' },
      spec: {
        schedule: '0 2 * * *',
        template: { includedNamespaces: [ns(n)], defaultVolumesToFsBackup: n % 10 !== 0, snapshotVolumes: false, ttl: '720h0m0s' },
      },
      status: { phase: 'Enabled' },
    };
    for (let run = 0; run < RUNS; run++) {
      const start = NOW - 4 * HOUR - run * 24 * HOUR;
      yield {
        apiVersion: 'velero.io/v1',
        kind: 'Backup',
        metadata: { name: backupName(n, run), namespace: 'velero', labels: { 'velero.io/schedule-name': `${ns(n)}-daily` }, creationTimestamp: iso(start) },
        spec: { includedNamespaces: [ns(n)], defaultVolumesToFsBackup: n % 10 !== 0, storageLocation: 'default' },
        status: {
          phase: run === 3 ? 'PartiallyFailed' : 'Completed',
          startTimestamp: iso(start),
          completionTimestamp: iso(start + HOUR),
          expiration: iso(start + 720 * HOUR),
        },
      };
    }
  }
  for (let i = 0; i < CLAIMS; i++) {
    const n = Math.floor(i / PER_NAMESPACE);
    const nfs = i % 7 === 0;
    const pv = `pv-${i}`;
    yield {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: pv },
      spec: {
        capacity: { storage: '10Gi' },
        storageClassName: nfs ? 'storage-nfs' : 'storage-fast',
        claimRef: { namespace: ns(n), name: claimName(i), uid: claimUid(i) },
        ...(nfs ? { nfs: { server: 'nas', path: `/export/${i}` } } : { local: { path: `/mnt/fast/${i}` } }),
      },
      status: { phase: 'Bound' },
    };
    yield {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: claimName(i), namespace: ns(n), uid: claimUid(i), labels: { app: `app-${i}` }, creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: nfs ? 'storage-nfs' : 'storage-fast', volumeName: pv, resources: { requests: { storage: '10Gi' } } },
      status: { phase: 'Bound', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'] },
    };
    yield {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `app-${i}-0`, namespace: ns(n), uid: `pod-${i}`, labels: { app: `app-${i}` } },
      spec: {
        nodeName: `worker-${i % 20}`,
        containers: [{ name: 'main', image: 'app:1', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claimName(i) } }],
      },
      status: { phase: i % 50 === 0 ? 'Pending' : 'Running' },
    };
  }
}

/** PodVolumeBackups, oldest runs first, as a relist or a busy watch would deliver them. */
function* podVolumeBackups(): Generator<unknown> {
  let emitted = 0;
  for (let run = RUNS - 1; run >= 0 && emitted < PVBS; run--) {
    const start = NOW - 4 * HOUR - run * 24 * HOUR + 60_000;
    const [created, started, completed] = [iso(start - 1000), iso(start), iso(start + 120_000)];
    for (let i = 0; i < CLAIMS && emitted < PVBS; i++, emitted++) {
      const n = Math.floor(i / PER_NAMESPACE);
      // Only what Velero copies: opt-out namespaces, running pods.
      if (n % 10 === 0 || i % 50 === 0) continue;
      const backup = backupName(n, run);
      const failed = i % 97 === 0 && run === 0;
      yield {
        apiVersion: 'velero.io/v1',
        kind: 'PodVolumeBackup',
        metadata: {
          name: `${backup}-${i}`,
          namespace: 'velero',
          creationTimestamp: created,
          labels: { 'velero.io/backup-name': backup, 'velero.io/backup-uid': `b-${n}-${run}`, 'velero.io/pvc-uid': claimUid(i) },
          annotations: { 'velero.io/pvc-name': claimName(i) },
        },
        spec: {
          node: `worker-${i % 20}`,
          pod: { kind: 'Pod', namespace: ns(n), name: `app-${i}-0`, uid: `pod-${i}` },
          volume: 'data',
          uploaderType: 'kopia',
          backupStorageLocation: 'default',
          tags: { backup, ns: ns(n), pod: `app-${i}-0`, volume: 'data', 'pvc-uid': claimUid(i) },
        },
        status: {
          phase: failed ? 'Failed' : 'Completed',
          startTimestamp: started,
          completionTimestamp: completed,
          progress: { totalBytes: 10_737_418_240, bytesDone: 10_737_418_240 },
          ...(failed ? { message: 'data path backup failed: i/o timeout' } : {}),
        },
      };
    }
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
function heapMiB(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}
const mib = (n: number) => `${n.toFixed(0)} MiB`;

/** Wall and CPU time since a start; CPU time is what counts on a shared machine. */
interface Lap {
  wallMs: number;
  cpuMs: number;
}
function start(): () => Lap {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}
const secs = (lap: Lap) => `${(lap.wallMs / 1000).toFixed(2)} s wall, ${(lap.cpuMs / 1000).toFixed(2)} s CPU`;
const micros = (lap: Lap, n: number) => `${((lap.cpuMs / n) * 1000).toFixed(2)} µs CPU each`;

function main() {
  const baseline = heapMiB();
  console.log(`coverage bench: ${CLAIMS} PVCs in ${NAMESPACES} namespaces, ${PVBS} PodVolumeBackups (${RUNS} per PVC), node ${process.version}${gc ? '' : ' (run with --expose-gc for retained-heap figures)'}`);

  let lap = start();
  let generated = 0;
  for (const _object of podVolumeBackups()) generated++;
  const generateLap = lap();

  const state = new ClusterState();
  lap = start();
  let coreCount = 0;
  for (const object of coreObjects()) {
    state.apply({ type: 'ADDED', object });
    coreCount++;
  }
  const coreLap = lap();

  lap = start();
  let folded = 0;
  let heapAfterSaturation = 0;
  let affected = 0;
  for (const object of podVolumeBackups()) {
    affected += state.apply({ type: 'ADDED', object }).size;
    folded++;
    if (folded === Math.min(PVBS, 3 * CLAIMS)) heapAfterSaturation = heapMiB();
  }
  const foldLap = lap(); // includes generating each object
  const heapAfterIngest = heapMiB();

  const ctx: EvaluationContext = { cluster: 'bench', tiers, now: new Date(NOW), veleroNamespace: 'velero' };
  lap = start();
  const claims = evaluateCluster(state, ctx);
  const evaluateLap = lap();
  lap = start();
  const summary = summarize(claims);
  const summarizeLap = lap();

  // Incremental: 1,000 pod events, each followed by recomputing only the claims it affects.
  lap = start();
  let recomputed = 0;
  for (let k = 0; k < 1000; k++) {
    const i = (k * 49) % CLAIMS;
    const n = Math.floor(i / PER_NAMESPACE);
    const keys = state.apply({
      type: 'MODIFIED',
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `app-${i}-0`, namespace: ns(n), uid: `pod-${i}`, labels: { app: `app-${i}` } },
        spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claimName(i) } }] },
        status: { phase: k % 2 ? 'Running' : 'Pending' },
      },
    });
    const evaluate = createClaimEvaluator(state, ctx);
    for (const key of keys) if (evaluate(key)) recomputed++;
  }
  const incrementalLap = lap();

  const counts = state.counts();
  const peakRss = process.resourceUsage().maxRSS / 1024;
  console.log(`generate ${generated} PVB objects only: ${secs(generateLap)}`);
  console.log(`ingest ${coreCount} core + Velero objects: ${secs(coreLap)}`);
  console.log(`fold ${folded} PodVolumeBackups: ${secs(foldLap)} (${micros(foldLap, folded)}, incl. generating them; ${affected} claim keys returned)`);
  console.log(`evaluate ${claims.length} claims: ${secs(evaluateLap)} (${micros(evaluateLap, claims.length)})`);
  console.log(`summarize: ${secs(summarizeLap)}`);
  console.log(`1000 pod events + recompute the affected claims: ${secs(incrementalLap)} (${recomputed} claims recomputed)`);
  console.log(`verdicts: ${JSON.stringify(summary.byVerdict)}`);
  console.log(`kept: ${counts.PersistentVolumeClaim} claims, ${counts.Pod} pods, ${counts.Backup} backups, ${counts.evidenceEntries} evidence entries for ${counts.volumesWithEvidence} volumes, 0 PodVolumeBackups stored`);
  if (gc) {
    console.log(`heap retained: before ${mib(baseline)}, after ${Math.min(PVBS, 3 * CLAIMS)} PVBs ${mib(heapAfterSaturation)}, after ${folded} PVBs ${mib(heapAfterIngest)}`);
  }
  console.log(`peak RSS: ${mib(peakRss)}`);
}

main();
