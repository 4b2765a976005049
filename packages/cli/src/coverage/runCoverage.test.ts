import { mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  it('fits 80 columns, worst first, with a summary', async () => {
    const { code, out } = await run({ config: APP_CONFIG });
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^VERDICT\s+CLAIM\s+BACKUP\s+REASON$/);
    expect(lines[1]).toMatch(/^unprotected {2}ci-runners\/runner-cache\s+never\s+label-selector-mismatch$/);
    expect(lines.filter(l => /^protected /.test(l))).toHaveLength(6);
    expect(lines.findIndex(l => l.startsWith('protected'))).toBeGreaterThan(lines.findIndex(l => l.startsWith('stale')));
    expect(out).toContain('30 claims in 1 cluster: 13 unprotected, 5 failing, 1 unknown, 3 stale, 2 waived,');
    expect(out).toContain('Coverage (protected + waived): 26.7%');
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
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
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
    expect(db.lastSuccessfulBackup).toEqual({
      time: '2026-11-26T02:04:20Z',
      backup: 'payments-daily-20261126020000',
      phase: 'Completed',
      schedule: 'payments-daily',
      method: 'fs-backup',
    });
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
    ['26.7%', 1],
    ['80', 1],
  ])('--fail-under %s exits %d (coverage 26.7%%)', async (failUnder, expected) => {
    const { code, err } = await run({ failUnder });
    expect(code).toBe(expected);
    expect(err).toBe(expected ? `backstage-storage: coverage 26.7% (protected + waived) is below --fail-under ${parseFloat(failUnder)}%\n` : '');
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
