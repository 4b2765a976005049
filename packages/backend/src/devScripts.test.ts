import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The repository's own scripts that `yarn start`, `yarn start:live` and
// every `yarn` command go through (scripts/start.cjs, scripts/yarn.cjs).
const root = resolve(__dirname, '../../..');

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd = root,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(done => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, ...env }, timeout: 30_000 },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('scripts/start.cjs', () => {
  it('stops at once, with one sentence, when the backend port is busy', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise(r => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    try {
      const started = Date.now();
      const result = await run(process.execPath, ['scripts/start.cjs'], {
        BACKEND_PORT: String(port),
        APP_PORT: String(port === 65535 ? 65534 : port + 1),
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `port ${port} (the backend) is already in use`,
      );
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      server.close();
    }
  });

  it('refuses two equal or invalid ports', async () => {
    const same = await run(process.execPath, ['scripts/start.cjs'], {
      APP_PORT: '7100',
      BACKEND_PORT: '7100',
    });
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('both 7100');
    const bad = await run(process.execPath, ['scripts/start.cjs'], {
      APP_PORT: 'http',
    });
    expect(bad.stderr).toContain('APP_PORT must be a port number');
  });

  it('start:live reads absolute config paths, app-config.local.yaml included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-live-'));
    mkdirSync(join(dir, 'scripts'));
    copyFileSync(
      join(root, 'scripts/start.cjs'),
      join(dir, 'scripts/start.cjs'),
    );
    for (const file of ['app-config.yaml', 'app-config.fake-cluster.yaml']) {
      writeFileSync(join(dir, file), '{}\n');
    }
    const script = join(dir, 'scripts/start.cjs');
    const without = await run(process.execPath, [script, '--live', '--print']);
    expect(JSON.parse(without.stdout).command).toEqual([
      'backstage-cli',
      'repo',
      'start',
      '--config',
      join(dir, 'app-config.yaml'),
      '--config',
      join(dir, 'app-config.fake-cluster.yaml'),
    ]);
    writeFileSync(join(dir, 'app-config.local.yaml'), '{}\n');
    const withLocal = await run(process.execPath, [
      script,
      '--live',
      '--print',
    ]);
    expect(JSON.parse(withLocal.stdout).command.slice(-2)).toEqual([
      '--config',
      join(dir, 'app-config.local.yaml'),
    ]);
    // Plain `yarn start` leaves the config files to backstage-cli.
    const plain = await run(process.execPath, [script, '--print']);
    expect(JSON.parse(plain.stdout).command).toEqual([
      'backstage-cli',
      'repo',
      'start',
    ]);
  });
});

describe('scripts/yarn.cjs (the yarnPath)', () => {
  it('hands over to the committed Yarn on a supported Node', async () => {
    const result = await run(process.execPath, [
      'scripts/yarn.cjs',
      '--version',
    ]);
    expect(result.stdout.trim()).toMatch(/^4\.\d+\.\d+$/);
  });

  it('refuses an older Node with one sentence that says what to run', async () => {
    // GITOPS_STORAGE_NODE_VERSION pretends to be another Node version.
    const result = await run(process.execPath, ['scripts/yarn.cjs', 'start'], {
      GITOPS_STORAGE_NODE_VERSION: '20.20.2',
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('needs Node.js 22 or 24');
    expect(result.stderr).toContain('"./scripts/dev start"');
  });
});
