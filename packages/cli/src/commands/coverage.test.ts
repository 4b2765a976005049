import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// End to end: the real `backstage-storage` binary in a child process.
const ROOT = join(__dirname, '../../../..');
const BIN = join(ROOT, 'packages/cli/bin/backstage-storage');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'coverage', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 60_000,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

const DEMO = 'test/fixtures/clusters/demo';

// Each case starts Node with the TypeScript transform: give a busy CI room.
jest.setTimeout(60_000);
const NOW = ['--now', '2026-11-26T06:00:00Z'];

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'coverage-e2e-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('backstage-storage coverage (end to end)', () => {
  it('prints the table and exits 0', () => {
    const { status, stdout, stderr } = cli(
      '--snapshot',
      DEMO,
      '--config',
      'app-config.yaml',
      ...NOW,
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^VERDICT {6}CLAIM/);
    expect(stdout).toContain('Coverage (protected + waived): 26.6%');
  });

  it('without --now reports what the UI shows for the demo (capture time)', () => {
    const { status, stdout } = cli(
      '--snapshot',
      DEMO,
      '--config',
      'app-config.yaml',
    );
    expect(status).toBe(0);
    expect(stdout).toContain('Coverage (protected + waived): 26.6%');
    expect(stdout).toContain('when the snapshot was captured');
    // --fail-under compares the number printed.
    expect(cli('--snapshot', DEMO, '--fail-under', '26.6').status).toBe(0);
    expect(cli('--snapshot', DEMO, '--fail-under', '26.7').status).toBe(1);
  });

  it('exits 1 when --fail-under is not met, 0 when it is', () => {
    const failing = cli(
      '--snapshot',
      DEMO,
      ...NOW,
      '--fail-under',
      '50',
      '--format',
      'json',
    );
    expect(failing.status).toBe(1);
    expect(JSON.parse(failing.stdout).summary.total).toBe(30);
    expect(failing.stderr).toBe(
      'backstage-storage: coverage 26.6% (protected + waived) is below --fail-under 50%\n',
    );
    expect(
      cli('--snapshot', DEMO, ...NOW, '--fail-under', '25', '--format', 'csv')
        .status,
    ).toBe(0);
  });

  it('exits 2 for a missing snapshot directory', () => {
    const { status, stdout, stderr } = cli(
      '--snapshot',
      'test/fixtures/clusters/nope',
      ...NOW,
    );
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'backstage-storage: snapshot directory not found: test/fixtures/clusters/nope\n',
    );
  });

  it('exits 2 for malformed YAML, naming the file and document', () => {
    const dir = join(tmp, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'pods.yaml'), 'kind: List\nitems: [\n');
    const { status, stderr } = cli('--snapshot', dir);
    expect(status).toBe(2);
    expect(stderr).toContain(
      `backstage-storage: ${join(dir, 'pods.yaml')}: document 1: invalid YAML`,
    );
  });

  it('exits 2 for usage errors', () => {
    const noSnapshot = cli();
    expect(noSnapshot.status).toBe(2);
    expect(noSnapshot.stderr).toContain(
      'coverage needs at least one --snapshot DIR',
    );
    const unknown = cli('--snapshot', DEMO, '--colour');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(
      "backstage-storage: unknown option '--colour'",
    );
    expect(cli('--snapshot', DEMO, '--format', 'yaml').status).toBe(2);
  });

  it('shows help with exit 0', () => {
    const { status, stdout } = cli('--help');
    expect(status).toBe(0);
    expect(stdout).toContain('--fail-under <percent>');
    expect(stdout).toContain(
      'Exit status: 0 done, 1 coverage below --fail-under, 2 bad flags',
    );
  });
});
