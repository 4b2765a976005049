import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { testActionDeps } from '../__testUtils__/actionDeps';
import {
  createTestBareRepo,
  FIXTURE_REPO,
} from '../__testUtils__/gitTestRepos';
import { runGit } from '../git/runGit';
import { createGitCloneAction } from './gitClone';

// Real git processes: slow on a loaded two-core machine.
jest.setTimeout(30_000);

describe('storage:git:clone', () => {
  const mockDir = createMockDirectory();
  let bare: { path: string; commit: string };
  let workspacePath: string;

  beforeEach(async () => {
    mockDir.clear();
    bare = await createTestBareRepo(mockDir.resolve('remote/gitops.git'));
    workspacePath = mockDir.resolve('workspace');
    fs.mkdirSync(workspacePath);
  });

  function action(overrides = {}) {
    return createGitCloneAction(
      testActionDeps({
        repoUrl: bare.path,
        allowedLocalRoots: [mockDir.resolve('remote')],
        ...overrides,
      }),
    );
  }

  function context(input: Record<string, string>) {
    return createMockActionContext({ input, workspacePath });
  }

  it('checks the configured repository out into ./gitops by default', async () => {
    const ctx = context({});
    await action().handler(ctx);

    const checkout = path.join(workspacePath, 'gitops');
    expect(fs.readFileSync(path.join(checkout, 'README.md'), 'utf8')).toBe(
      fs.readFileSync(path.join(FIXTURE_REPO, 'README.md'), 'utf8'),
    );
    expect(
      (await runGit(['branch', '--show-current'], { cwd: checkout })).trim(),
    ).toBe('main');
    expect(ctx.output).toHaveBeenCalledWith('repoPath', 'gitops');
    expect(ctx.output).toHaveBeenCalledWith('commit', bare.commit);
    expect(ctx.output).toHaveBeenCalledWith('baseBranch', 'main');
    expect(ctx.output).toHaveBeenCalledWith('provider', 'git');
    expect(ctx.output).toHaveBeenCalledWith('remoteUrl', `file://${bare.path}`);
  });

  it('clones a file:// URL and a named branch into a chosen folder', async () => {
    const other = mockDir.resolve('other');
    await runGit(['clone', '--quiet', bare.path, other]);
    fs.writeFileSync(path.join(other, 'STAGING.md'), 'staging\n');
    await runGit(['switch', '--quiet', '-c', 'staging'], { cwd: other });
    await runGit(['add', '.'], { cwd: other });
    await runGit(
      [
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@t',
        'commit',
        '--quiet',
        '-m',
        'staging',
      ],
      { cwd: other },
    );
    await runGit(['push', '--quiet', 'origin', 'staging'], { cwd: other });

    const ctx = context({
      repoUrl: `file://${bare.path}`,
      branch: 'staging',
      targetPath: 'repo',
    });
    await action().handler(ctx);
    expect(fs.existsSync(path.join(workspacePath, 'repo', 'STAGING.md'))).toBe(
      true,
    );
    expect(ctx.output).toHaveBeenCalledWith('baseBranch', 'staging');
  });

  it('runs in a dry run too (it only reads), so later steps see the real files', async () => {
    const ctx = { ...context({}), isDryRun: true };
    await action().handler(ctx);
    expect(fs.existsSync(path.join(workspacePath, 'gitops', 'README.md'))).toBe(
      true,
    );
  });

  it.each([
    [
      { branch: 'does-not-exist' },
      /Could not clone .* at branch 'does-not-exist': the branch does not exist$/,
    ],
    [
      { repoUrl: 'https://attacker.example/acme/gitops.git' },
      /Host 'attacker.example' is not a configured git host/,
    ],
    [
      { repoUrl: 'http://127.0.0.1:6443/acme/gitops.git' },
      /loopback or link-local address/,
    ],
    [
      { repoUrl: 'http://169.254.169.254/latest/meta-data.git' },
      /loopback or link-local address/,
    ],
    [
      { repoUrl: 'ssh://git:hunter2@github.com/acme/gitops.git' },
      /must not contain a password/,
    ],
    [
      { branch: 'bad..name' },
      /branch 'bad\.\.name' is not a valid git branch name/,
    ],
    [{ branch: '-x' }, /must not start with "-"/],
    [
      { targetPath: '../escape' },
      /targetPath '\.\.\/escape' must be a folder inside the task workspace/,
    ],
    [{ repoUrl: '/etc' }, /outside storage.gitops.allowedLocalRoots/],
    [{ repoUrl: 'relative/repo' }, /not a repository URL/],
    [{ repoUrl: 'ext::sh -c id' }, /not a repository URL/],
  ])('refuses %j with a clear error', async (input, message) => {
    await expect(action().handler(context(input))).rejects.toThrow(message);
    expect(fs.readdirSync(workspacePath)).toEqual([]);
  });

  it('says nothing of the network when an allowed host cannot be read (no port, TLS or HTTP details)', async () => {
    // A closed port on this machine, explicitly allowed.
    const port = await closedPort();
    const repoUrl = `http://127.0.0.1:${port}/acme/none.git`;
    const run = action({ allowedHosts: [`127.0.0.1:${port}`] }).handler(
      context({ repoUrl }),
    );
    await expect(run).rejects.toThrow(
      new RegExp(
        `^Could not clone ${repoUrl.replace(
          /[.?/]/g,
          '\\$&',
        )} at branch 'main': the repository could not be read \\(unreachable, missing, or access denied\\)$`,
      ),
    );
  });

  it('refuses a target folder that already has files', async () => {
    fs.mkdirSync(path.join(workspacePath, 'gitops'));
    fs.writeFileSync(path.join(workspacePath, 'gitops', 'x'), 'x');
    await expect(action().handler(context({}))).rejects.toThrow(
      /targetPath 'gitops' already exists in the workspace and is not empty/,
    );
  });

  it('says what to configure when there is no repository at all', async () => {
    await expect(
      action({ repoUrl: undefined }).handler(context({})),
    ).rejects.toThrow(
      /repoUrl is not set and storage.gitops.repoUrl is not configured/,
    );
  });
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}
