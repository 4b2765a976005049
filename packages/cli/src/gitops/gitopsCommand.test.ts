import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { runGitops } from './runGitops';

const ROOT = nodePath.resolve(__dirname, '../../../..');
const FIXTURE = nodePath.join(ROOT, 'test/fixtures/gitops-repo');
const INPUTS = nodePath.join(ROOT, 'test/fixtures/gitops-inputs');
const BIN = nodePath.join(ROOT, 'packages/cli/bin/backstage-storage');

function copyFixture(): string {
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'cli-gitops-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function hashTree(dir: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (folder: string) => {
    for (const name of fs.readdirSync(folder).sort()) {
      const full = nodePath.join(folder, name);
      hash.update(`${nodePath.relative(dir, full)}\0`);
      if (fs.statSync(full).isDirectory()) walk(full);
      else hash.update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

async function run(options: Parameters<typeof runGitops>[0]) {
  let out = '';
  let err = '';
  const code = await runGitops(options, {
    out: t => (out += t),
    err: t => (err += t),
  });
  return { code, out, err };
}

const input = (name: string) => nodePath.join(INPUTS, `${name}.yaml`);

describe('backstage-storage gitops', () => {
  let repo: string;
  beforeEach(() => {
    repo = copyFixture();
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('lists the generators', async () => {
    const { code, out } = await run({ list: true });
    expect(code).toBe(0);
    for (const id of [
      'nfs-provisioner',
      'velero',
      'kro-inventory',
      'velero-schedules',
      'kro-backup-policies',
      'volume-request',
    ]) {
      expect(out).toContain(`  ${id}`);
    }
  });

  it('a dry run prints the diff and writes nothing', async () => {
    const before = hashTree(repo);
    const { code, out } = await run({
      generator: 'velero',
      repo,
      input: input('velero'),
      dryRun: true,
    });
    expect(code).toBe(0);
    expect(out).toContain('+++ b/apps/storage/velero/base/values.yaml');
    expect(out).toContain('+  existingSecret: velero-s3');
    const diffs = out.match(/^diff --git /gm)?.length ?? 0;
    expect(diffs).toBeGreaterThan(5);
    expect(out).toMatch(
      new RegExp(
        `dry run: .*${diffs} file\\(s\\) would change, nothing written`,
      ),
    );
    expect(hashTree(repo)).toBe(before);
  });

  it('applies, then a re-run says there is nothing to change', async () => {
    const first = await run({
      generator: 'volume-request',
      repo,
      input: input('volume-request'),
    });
    expect(first.code).toBe(0);
    expect(first.out).toContain(
      '  created apps/payments/payments-api/base/payments-uploads-pvc.yaml',
    );
    expect(first.out).toContain(
      '  updated apps/payments/payments-api/base/kustomization.yaml',
    );
    expect(
      fs.existsSync(
        nodePath.join(
          repo,
          'apps/payments/payments-api/base/payments-api-backup-volumes.yaml',
        ),
      ),
    ).toBe(true);
    const after = hashTree(repo);
    const second = await run({
      generator: 'volume-request',
      repo,
      input: input('volume-request'),
    });
    expect(second).toMatchObject({ code: 0 });
    expect(second.out).toMatch(/^nothing to change: /);
    expect(hashTree(repo)).toBe(after);
  });

  it.each([
    ['an unknown generator', { generator: 'ceph' }, /unknown generator 'ceph'/],
    ['no generator', {}, /name a generator/],
    [
      'no --repo',
      { generator: 'velero', repo: undefined, input: input('velero') },
      /--repo DIR is required/,
    ],
    [
      'no --input',
      { generator: 'velero', repo: '.' },
      /--input FILE\.yaml is required/,
    ],
    [
      'a missing input file',
      { generator: 'velero', repo: '.', input: '/nonexistent.yaml' },
      /--input: '\/nonexistent\.yaml' does not exist/,
    ],
    [
      'a missing repository',
      { generator: 'velero', repo: '/nonexistent', input: input('velero') },
      /repository folder '\/nonexistent' does not exist/,
    ],
    [
      'input for another generator',
      { generator: 'velero', input: input('nfs-provisioner') },
      /invalid input for velero:\ncredentials: Required\n.*\(input\): unknown field\(s\) 'nfs', 'storageClass'/s,
    ],
  ])('exits 2 with a clear message on %s', async (_name, options, message) => {
    const { code, err } = await run({ repo, ...options });
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('removes a Schedule the input no longer lists (prune): dry run shows the deletion, the run deletes it', async () => {
    const schedules = 'apps/storage/velero/overlays/prod/schedules';
    expect(
      (await run({ generator: 'velero', repo, input: input('velero') })).code,
    ).toBe(0);
    expect(
      (
        await run({
          generator: 'velero-schedules',
          repo,
          input: input('velero-schedules'),
        })
      ).code,
    ).toBe(0);
    const fewer = nodePath.join(repo, '..', `${nodePath.basename(repo)}.yaml`);
    fs.writeFileSync(
      fewer,
      fs
        .readFileSync(input('velero-schedules'), 'utf8')
        .replace(/^.*name: orders.*\n/m, '')
        .concat('prune: true\n'),
    );
    try {
      const before = hashTree(repo);
      const dry = await run({
        generator: 'velero-schedules',
        repo,
        input: fewer,
        dryRun: true,
      });
      expect(dry.code).toBe(0);
      expect(dry.out).toContain(
        `diff --git a/${schedules}/orders.yaml b/${schedules}/orders.yaml\ndeleted file mode 100644\n--- a/${schedules}/orders.yaml\n+++ /dev/null\n`,
      );
      expect(dry.out).toContain('-  - orders.yaml');
      expect(dry.out).toContain('2 file(s) would change, nothing written');
      expect(hashTree(repo)).toBe(before);

      const applied = await run({
        generator: 'velero-schedules',
        repo,
        input: fewer,
      });
      expect(applied.code).toBe(0);
      expect(applied.out).toContain(`  deleted ${schedules}/orders.yaml`);
      expect(applied.out).toContain(
        `  updated ${schedules}/kustomization.yaml`,
      );
      expect(fs.existsSync(nodePath.join(repo, schedules, 'orders.yaml'))).toBe(
        false,
      );
      expect(
        (await run({ generator: 'velero-schedules', repo, input: fewer })).out,
      ).toMatch(/^nothing to change: /);
    } finally {
      fs.rmSync(fewer, { force: true });
    }
  });

  it('exits 2 on a conflicting file and writes nothing', async () => {
    fs.writeFileSync(
      nodePath.join(
        repo,
        'apps/payments/payments-api/base/payments-uploads-pvc.yaml',
      ),
      'kind: Other\n',
    );
    const before = hashTree(repo);
    const { code, err } = await run({
      generator: 'volume-request',
      repo,
      input: input('volume-request'),
    });
    expect(code).toBe(2);
    expect(err).toContain('already exists with different content');
    expect(hashTree(repo)).toBe(before);
  });

  it('reads a vendored chart folder and index relative to the input file', async () => {
    const work = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'cli-vendor-'));
    fs.mkdirSync(nodePath.join(work, 'chart/templates'), { recursive: true });
    fs.writeFileSync(
      nodePath.join(work, 'chart/Chart.yaml'),
      'apiVersion: v2\nname: nfs-subdir-external-provisioner\nversion: 4.0.18\n',
    );
    fs.writeFileSync(
      nodePath.join(work, 'chart/templates/x.yaml'),
      'kind: X\n',
    );
    fs.writeFileSync(
      nodePath.join(work, 'index.yaml'),
      'entries:\n  nfs-subdir-external-provisioner:\n    - version: 4.0.18\n      digest: d1g\n',
    );
    fs.writeFileSync(
      nodePath.join(work, 'input.yaml'),
      'nfs: {server: nas}\nchart:\n  vendor:\n    directory: chart\n    indexFile: index.yaml\n',
    );
    const { code, out } = await run({
      generator: 'nfs-provisioner',
      repo,
      input: nodePath.join(work, 'input.yaml'),
    });
    expect(code).toBe(0);
    expect(out).toContain(
      'created apps/storage/nfs-subdir-external-provisioner/base/charts/nfs-subdir-external-provisioner-4.0.18/nfs-subdir-external-provisioner/templates/x.yaml',
    );
    fs.rmSync(work, { recursive: true, force: true });
  });
});

describe('backstage-storage gitops (the real command)', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [BIN, 'gitops', ...args], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
    });

  it('dry run, apply, re-run and bad input end to end', () => {
    const repo = copyFixture();
    try {
      const before = hashTree(repo);
      const dry = cli([
        'kro-inventory',
        '--repo',
        repo,
        '--input',
        input('kro-inventory'),
        '--dry-run',
      ]);
      expect(dry.status).toBe(0);
      expect(dry.stdout).toContain('+kind: ResourceGraphDefinition');
      expect(hashTree(repo)).toBe(before);

      const apply = cli([
        'kro-inventory',
        '--repo',
        repo,
        '--input',
        input('kro-inventory'),
      ]);
      expect(apply.status).toBe(0);
      expect(apply.stdout).toContain(
        'created apps/storage/overlays/prod/drive-inventory-graph.yaml',
      );

      const again = cli([
        'kro-inventory',
        '--repo',
        repo,
        '--input',
        input('kro-inventory'),
      ]);
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/^nothing to change/);

      const afterApply = hashTree(repo);
      const listed = cli(['--list']);
      expect(listed.status).toBe(0);
      expect(listed.stdout).toContain('velero-schedules');
      const restic = nodePath.join(
        repo,
        '..',
        `${nodePath.basename(repo)}-restic.yaml`,
      );
      fs.writeFileSync(
        restic,
        `${fs.readFileSync(input('velero'), 'utf8')}uploaderType: restic\n`,
      );
      const refused = cli(['velero', '--repo', repo, '--input', restic]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain(
        'uploaderType: restic cannot be used with Velero 1.18.1',
      );
      expect(hashTree(repo)).toBe(afterApply);
      fs.rmSync(restic);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  }, 60_000);
});
