import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  buildCoverageReport,
  buildSnapshotState,
  evaluateClusterCoverage,
  readStorageEngineConfig,
} from '@gitops-storage/plugin-storage-common';
import { readSnapshotDocuments } from '@gitops-storage/plugin-storage-common/node';
import { runCoverage } from './runCoverage';
import { UsageError } from './readOptions';

const ROOT = join(__dirname, '../../../..');
const DEMO = join(ROOT, 'test/fixtures/clusters/demo');
const APP_CONFIG = join(ROOT, 'app-config.yaml');
const NOW = '2026-11-26T06:00:00Z';

async function run(options: Record<string, unknown>) {
  let out = '';
  let err = '';
  const code = await runCoverage(
    { snapshot: [DEMO], now: NOW, ...options },
    { out: t => (out += t), err: t => (err += t) },
  );
  return { code, out, err };
}

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'coverage-cli-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('coverage --format table', () => {
  it('worst first, whole claim names, with a summary in 80 columns', async () => {
    const { code, out } = await run({ config: APP_CONFIG });
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    const blank = lines.indexOf('');
    for (const line of lines.slice(blank)) expect(line.length).toBeLessThanOrEqual(80);
    const report = JSON.parse((await run({ config: APP_CONFIG, format: 'json' })).out);
    report.claims.forEach((c: { namespace: string; name: string }, i: number) => {
      expect(lines[i + 1].split(/ +/)[1]).toBe(`${c.namespace}/${c.name}`);
    });
    expect(lines[0]).toMatch(/^VERDICT\s+CLAIM\s+BACKUP\s+REASON$/);
    expect(lines[1]).toMatch(/^unprotected {2}ci-runners\/runner-cache\s+never\s+label-selector-mismatch$/);
    expect(lines.filter(l => /^protected /.test(l))).toHaveLength(6);
    expect(lines.findIndex(l => l.startsWith('protected'))).toBeGreaterThan(lines.findIndex(l => l.startsWith('stale')));
    expect(out).toContain('30 claims in 1 cluster: 13 unprotected, 5 failing, 1 unknown, 3 stale, 2 waived,');
    expect(out).toContain('Coverage (protected + waived): 26.6%');
    expect(out).toContain('As of 2026-11-26T06:00:00Z (--now).');
    expect(out).toContain('  nfs: 4 (1 unprotected, 2 failing, 1 protected)');
    expect(out).toContain('BackupStorageLocation offsite: Unavailable');
  });

  it('names clusters when there are several', async () => {
    const copy = join(tmp, 'edge');
    cpSync(DEMO, copy, { recursive: true });
    const { out } = await run({ snapshot: [DEMO, copy] });
    expect(out).toContain('60 claims in 2 clusters');
    expect(out).toMatch(/^unprotected {2}demo:ci-runners\/\S+ +never +label-selector-mismatch$/m);
    expect(out).toMatch(/^unprotected {2}edge:ci-runners\/\S+ +never +label-selector-mismatch$/m);
    expect(out).toMatch(/^\S+ +edge:analytics\/data-warehouse-replica-0 /m);
  });
});

describe('coverage --format json', () => {
  it('prints the DESIGN.md report shape', async () => {
    const { out } = await run({ format: 'json', config: APP_CONFIG });
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['generatedAt', 'clusters', 'claims', 'summary']));
    expect(report.generatedAt).toBe('2026-11-26T06:00:00.000Z');
    expect(report.clusters).toEqual([{ name: 'demo', status: 'forbidden', error: expect.stringContaining('datauploads.velero.io is forbidden') }]);
    expect(report.claims).toHaveLength(30);
    for (const claim of report.claims) {
      expect(claim).toEqual(
        expect.objectContaining({
          cluster: 'demo',
          namespace: expect.any(String),
          name: expect.any(String),
          uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
          storageClass: expect.any(String),
          tier: expect.any(String),
          capacity: expect.any(String),
          accessModes: expect.any(Array),
          volume: expect.objectContaining({ source: expect.any(String) }),
          verdict: expect.any(String),
          reasons: expect.any(Array),
          schedules: expect.any(Array),
        }),
      );
      for (const reason of claim.reasons) expect(reason).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
    }
    const db = report.claims.find((c: { name: string }) => c.name === 'data-payments-db-0');
    expect(db.lastSuccessfulBackup).toEqual(expect.objectContaining({
      time: '2026-11-26T02:04:20Z',
      backup: 'payments-daily-20261126020000',
      phase: 'Completed',
      schedule: 'payments-daily',
      method: 'fs-backup',
    }));
    expect(report.summary.total).toBe(30);
    expect(report.summary.byVerdict).toEqual({ unknown: 1, waived: 2, unprotected: 13, failing: 5, stale: 3, protected: 6 });
    expect(report.summary.byTier.fast.total).toBe(11);
    expect(report.claims[0].verdict).toBe('unprotected');
    expect(report.claims.at(-1).verdict).toBe('protected');
  });

  it('uses the RPOs of --config', async () => {
    const config = join(tmp, 'app-config.yaml');
    writeFileSync(config, 'storage:\n  tiers:\n    - name: fast\n      storageClasses: [storage-fast]\n      rpo: P7D\n');
    const report = JSON.parse((await run({ format: 'json', config })).out);
    const index = report.claims.find((c: { name: string }) => c.name === 'index-search-indexer-0');
    expect(index.verdict).toBe('protected');
  });
});

describe('coverage --format csv', () => {
  it('prints a header and one quoted row per claim', async () => {
    const { out } = await run({ format: 'csv' });
    const rows = out.trimEnd().split('\r\n');
    expect(rows[0].split(',').slice(0, 6)).toEqual(['cluster', 'namespace', 'name', 'uid', 'storageClass', 'tier']);
    expect(rows).toHaveLength(31);
    expect(rows[1]).toMatch(/^demo,ci-runners,runner-cache,/);
    expect(rows[1]).toContain('"Schedule ""platform-hourly"" only backs up');
  });
});

describe('coverage --fail-under', () => {
  it.each([
    ['20', 0],
    ['26.6', 0],
    ['26.6%', 0],
    ['26.7', 1],
    ['80', 1],
  ])('--fail-under %s exits %d (coverage printed as 26.6%%)', async (failUnder, expected) => {
    const { code, out, err } = await run({ failUnder });
    expect(out).toContain('Coverage (protected + waived): 26.6%');
    expect(code).toBe(expected);
    expect(err).toBe(expected ? `backstage-storage: coverage 26.6% (protected + waived) is below --fail-under ${parseFloat(failUnder)}%\n` : '');
  });
});

describe('coverage without --now', () => {
  it('evaluates a snapshot at its capturedAt, as the backend shows a time-shifted demo', async () => {
    const clock = () => new Date('2027-06-01T00:00:00Z');
    let out = '';
    await runCoverage({ snapshot: [DEMO], config: APP_CONFIG, format: 'json' }, { out: t => (out += t), err: () => {}, clock });
    const report = JSON.parse(out);
    expect(report.generatedAt).toBe('2026-11-26T06:00:00.000Z');

    // What the backend does for `timeShift: true`: move the snapshot's times
    // so that capturedAt is the current time, then evaluate now.
    const { documents } = await readSnapshotDocuments(DEMO);
    const now = clock();
    const shifted = buildSnapshotState(documents, { timeShift: true, now });
    const engine = readStorageEngineConfig(parse(readFileSync(APP_CONFIG, 'utf8')));
    const backend = buildCoverageReport(
      [evaluateClusterCoverage(shifted.state, { cluster: 'demo', tiers: engine.tiers, now, veleroNamespace: 'velero' }, 'snapshot')],
      now,
    );
    expect(report.summary.byVerdict).toEqual(backend.summary.byVerdict);
    expect(report.claims.map((c: { name: string; verdict: string }) => `${c.name}:${c.verdict}`)).toEqual(
      backend.claims.map(c => `${c.name}:${c.verdict}`),
    );
  });

  it('says so in the table', async () => {
    let out = '';
    await runCoverage({ snapshot: [DEMO] }, { out: t => (out += t), err: () => {} });
    expect(out).toContain('As of 2026-11-26T06:00:00Z, when the snapshot was captured (--now to change).');
  });

  it('uses the current time for a snapshot that does not say when it was captured', async () => {
    const copy = join(tmp, 'plain');
    cpSync(DEMO, copy, { recursive: true });
    rmSync(join(copy, 'snapshot.yaml'));
    let out = '';
    await runCoverage({ snapshot: [copy] }, { out: t => (out += t), err: () => {}, clock: () => new Date('2026-12-24T00:00:00Z') });
    expect(out).toContain('As of 2026-12-24T00:00:00Z (now).');
  });
});

describe('coverage table names', () => {
  it('never cuts a claim name, and --wide lists every reason code', async () => {
    const copy = join(tmp, 'long-names');
    cpSync(DEMO, copy, { recursive: true });
    const file = join(copy, 'persistentvolumeclaims.yaml');
    const long = 'data-a-very-long-statefulset-name-for-the-analytics-warehouse-0';
    writeFileSync(file, readFileSync(file, 'utf8').replace(/name: data-warehouse-0\b/g, `name: ${long}`));
    const { out } = await run({ snapshot: [copy] });
    expect(out).toMatch(new RegExp(`^\\S+ +analytics/${long} +\\S+ +\\S`, 'm'));
    const wide = await run({ snapshot: [copy], wide: true });
    const several = JSON.parse((await run({ snapshot: [copy], format: 'json' })).out).claims.find(
      (c: { reasons: unknown[] }) => c.reasons.length > 1,
    );
    expect(wide.out).toContain(several.reasons.map((r: { code: string }) => r.code).join(','));
    expect(out).not.toContain(several.reasons.map((r: { code: string }) => r.code).join(','));
  });
});

describe('coverage usage and input errors', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['no --snapshot', { snapshot: [] }, /at least one --snapshot DIR/],
    ['a missing directory', { snapshot: ['does/not/exist'] }, /^snapshot directory not found: does\/not\/exist$/],
    ['a bad --now', { now: 'yesterday' }, /--now must be an RFC 3339 time/],
    ['a bad --format', { format: 'xml' }, /--format must be one of table, json, csv, not "xml"/],
    ['a bad --fail-under', { failUnder: 'lots' }, /--fail-under must be a percentage from 0 to 100/],
    ['a --fail-under above 100', { failUnder: '101' }, /--fail-under must be a percentage/],
    ['a missing config', { config: 'nope.yaml' }, /^config file not found: nope\.yaml$/],
  ])('rejects %s', async (_name, options, message) => {
    const error = await run(options).catch(e => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(message);
  });

  it('names the file and document of malformed YAML', async () => {
    const dir = join(tmp, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'pvcs.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\nkind: Pod\n  metadata: : x\n');
    await expect(run({ snapshot: [dir] })).rejects.toThrow(`${join(dir, 'pvcs.yaml')}: document 2: invalid YAML`);
  });

  it('names the config field that is wrong', async () => {
    const config = join(tmp, 'bad.yaml');
    writeFileSync(config, 'storage:\n  tiers:\n    - name: fast\n      storageClasses: [storage-fast]\n      rpo: 24h\n');
    await expect(run({ config })).rejects.toThrow(`${config}: storage.tiers[0].rpo: "24h" is not an ISO 8601 duration`);
  });

  it('refuses two snapshots with the same cluster name', async () => {
    const copy = join(tmp, 'demo');
    cpSync(DEMO, copy, { recursive: true });
    await expect(run({ snapshot: [DEMO, copy] })).rejects.toThrow(/two snapshots are named "demo"/);
  });
});
