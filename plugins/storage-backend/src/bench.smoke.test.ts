import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The fleet benchmark (`yarn bench`, test/bench) still works: the generator is
 * deterministic, bad flags are refused, and a tiny fleet runs end to end with
 * this plugin and prints every figure. CI never runs the full-size bench.
 */
const ROOT = path.resolve(__dirname, '../../..');
const BENCH = path.join(ROOT, 'test/bench/bin/bench.js');
const TINY = [
  '--clusters',
  '2',
  '--pvcs',
  '24',
  '--services',
  '4',
  '--schedules',
  '3',
  '--days',
  '3',
];

function bench(args: string[]) {
  return spawnSync(process.execPath, ['--expose-gc', BENCH, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 170_000,
    // Jest's --experimental-vm-modules is not for the bench's processes.
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}

describe('yarn bench', () => {
  it('generates the same fleet from the same seed, and another from another seed', () => {
    const run = (seed: string) => {
      const result = bench([...TINY, '--seed', seed, '--fingerprint']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      return JSON.parse(result.stdout);
    };
    const first = run('7');
    expect(run('7')).toEqual(first);
    expect(run('8').digest).not.toBe(first.digest);
    expect(first.counts).toMatchObject({
      persistentvolumeclaims: 48,
      persistentvolumes: 48,
      pods: 48,
      schedules: 6,
      backups: 18,
    });
    // Every backed-up claim has one PodVolumeBackup per day.
    expect(first.counts.podvolumebackups % 3).toBe(0);
    expect(first.counts.podvolumebackups).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a bad flag, naming it', () => {
    const result = bench(['--pvcs', 'many']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--pvcs must be an integer');
  });

  it('runs a tiny fleet end to end and reports every figure', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
    const json = path.join(dir, 'result.json');
    try {
      const result = bench([
        ...TINY,
        '--duration',
        '1',
        '--fanout-requests',
        '2',
        '--event-trials',
        '2',
        '--json',
        json,
      ]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Targets (2-core machine)');
      const r = JSON.parse(fs.readFileSync(json, 'utf8'));

      expect(Object.keys(r.sync.perClusterMs)).toEqual([
        'cluster-01',
        'cluster-02',
      ]);
      expect(r.sync.fleetMs).toBeGreaterThan(0);
      expect(r.bytes.received).toBeGreaterThan(0);
      expect(r.bytes.parseBoundMs).toBeGreaterThan(0);
      expect(r.memory.rssBytes).toBeGreaterThan(0);
      expect(r.check).toMatchObject({ claims: 48, expectedClaims: 48 });
      // The history's first recording (Backstage's scheduler) held the fleet.
      expect(r.history.firstRecordingMs).toBeGreaterThanOrEqual(0);
      // startTestBackend no longer waits for the sync (it did with the mock scheduler).
      expect(r.sync.backendBootMs).toBeLessThan(r.sync.fleetMs);

      expect(r.entity.map((e: any) => e.concurrency)).toEqual([1, 10, 50]);
      for (const level of r.entity) {
        expect(level.count).toBeGreaterThan(0);
        expect(level.errors).toBe(0);
        expect(level.p99).toBeGreaterThanOrEqual(level.p50);
      }
      expect(r.coverage.page.count).toBe(30);
      expect(r.eventToVerdict).toHaveLength(2);
      for (const trial of r.eventToVerdict) expect(trial.ms).toBeGreaterThan(0);

      // The fan-out path computes the same verdicts as the cache.
      expect(r.fanOut.runs).toHaveLength(2);
      expect(r.fanOut.agreement.claims).toBeGreaterThan(0);
      expect(r.fanOut.agreement.sameVerdict).toBe(r.fanOut.agreement.claims);
      expect(r.fanOut.ratio).toBeGreaterThan(0);

      // The floor ran at every level the entity endpoint did, on a body as large.
      expect(r.floor.map((f: any) => f.concurrency)).toEqual([1, 10, 50]);
      for (const level of r.floor) {
        expect(level.errors).toBe(0);
        expect(level.meanResponseBytes).toBe(r.entityBody.bytes);
      }
      // Only the clusters the entity's answer depends on (its volumes are in one).
      expect(r.entityBody.clusters).toBe(1);

      // The CSV export ran end to end in Chromium (the browser tests need it
      // too; scripts/bootstrap.sh installs it), both ways.
      expect(r.csvExport.streamed).toMatchObject({ rows: 48, requests: 1 });
      expect(r.csvExport.streamed.downloadedBytes).toBe(
        r.csvExport.streamed.bytes,
      );
      expect(r.csvExport.paged.rows).toBe(48);

      // The real Kubernetes backend answered, and lacks what a verdict needs.
      const peer = r.peers.kubernetesBackend;
      expect(peer.plugin).toBe('@backstage/plugin-kubernetes-backend');
      expect(peer.load.map((l: any) => l.concurrency)).toEqual([1, 10]);
      for (const level of peer.load) expect(level.errors).toBe(0);
      expect(peer.perView.listCalls).toBe(2 * 9);
      expect(peer.answer.objects).toMatchObject({
        Pod: expect.any(Number),
        PersistentVolumeClaim: expect.any(Number),
      });
      expect(peer.answer.missing.map((m: any) => m.kind)).toEqual(
        expect.arrayContaining(['PersistentVolume', 'PodVolumeBackup']),
      );
      expect(peer.ratioAt['1']).toBeGreaterThan(0);

      expect(r.targets.map((t: any) => t.name)).toEqual([
        'fleet cold sync',
        'entity throughput at 50 clients',
        'entity p99 at 50 clients',
        '/coverage p50',
        'backend memory after sync',
        'event to verdict (slowest)',
        'faster than fan-out',
      ]);
      for (const t of r.targets) {
        expect(t).toEqual({
          name: expect.any(String),
          target: expect.any(String),
          measured: expect.any(String),
          met: expect.any(Boolean),
        });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
