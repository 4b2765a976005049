import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import type { UserEntity } from '@backstage/catalog-model';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { testActionDeps } from '../__testUtils__/actionDeps';
import {
  branchesOf,
  commitField,
  createTestBareRepo,
  fileAt,
  filesChangedBy,
} from '../__testUtils__/gitTestRepos';
import { runGit } from '../git/runGit';
import { createGitCloneAction } from './gitClone';
import { createGitPublishAction } from './gitPublish';

// Real git processes: slow on a loaded two-core machine.
jest.setTimeout(30_000);

describe('storage:git:publish', () => {
  const mockDir = createMockDirectory();
  let bare: { path: string; commit: string };
  let workspacePath: string;
  let checkout: string;
  let deps: ReturnType<typeof testActionDeps>;

  beforeEach(async () => {
    mockDir.clear();
    bare = await createTestBareRepo(mockDir.resolve('remote/gitops.git'));
    workspacePath = mockDir.resolve('workspace');
    checkout = path.join(workspacePath, 'gitops');
    deps = testActionDeps({
      repoUrl: bare.path,
      allowedLocalRoots: [mockDir.resolve('remote')],
    });
    await createGitCloneAction(deps).handler(
      createMockActionContext({ input: {}, workspacePath }),
    );
  });

  function publish(input: Record<string, string>, extra = {}) {
    const ctx = {
      ...createMockActionContext({ input, workspacePath }),
      ...extra,
    };
    return { ctx, run: () => createGitPublishAction(deps).handler(ctx) };
  }

  function change() {
    fs.mkdirSync(path.join(checkout, 'apps/storage/demo'), { recursive: true });
    fs.writeFileSync(
      path.join(checkout, 'apps/storage/demo/pvc.yaml'),
      'kind: PersistentVolumeClaim\n',
    );
    fs.appendFileSync(path.join(checkout, 'README.md'), '\nOne more line.\n');
  }

  it('commits the changes to a new branch and pushes it, leaving main alone', async () => {
    change();
    const { ctx, run } = publish({
      branchName: 'storage/demo',
      commitMessage: 'Add the demo volume',
      description: 'Requested through Backstage.',
    });
    await run();

    const branches = await branchesOf(bare.path);
    expect(branches.main).toBe(bare.commit);
    expect(branches['storage/demo']).toBeDefined();
    expect(ctx.output).toHaveBeenCalledWith('branch', 'storage/demo');
    expect(ctx.output).toHaveBeenCalledWith('commit', branches['storage/demo']);
    expect(ctx.output).toHaveBeenCalledWith('remoteUrl', `file://${bare.path}`);
    expect(ctx.output).toHaveBeenCalledWith('baseBranch', 'main');
    expect(ctx.output).toHaveBeenCalledWith('changedFiles', [
      'README.md',
      'apps/storage/demo/pvc.yaml',
    ]);
    expect(await filesChangedBy(bare.path, 'storage/demo')).toEqual([
      'README.md',
      'apps/storage/demo/pvc.yaml',
    ]);
    expect(
      await fileAt(bare.path, 'storage/demo', 'apps/storage/demo/pvc.yaml'),
    ).toBe('kind: PersistentVolumeClaim\n');
    expect(await commitField(bare.path, 'storage/demo', '%B')).toBe(
      'Add the demo volume\n\nRequested through Backstage.',
    );
    expect(await commitField(bare.path, 'storage/demo', '%P')).toBe(
      bare.commit,
    );
  });

  it('makes the requesting user the author and the backend the committer', async () => {
    change();
    const user: UserEntity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'jane' },
      spec: { profile: { displayName: 'Jane Doe', email: 'jane@example.com' } },
    };
    const { run } = publish(
      { branchName: 'storage/jane' },
      { user: { entity: user, ref: 'user:default/jane' } },
    );
    await run();
    expect(
      await commitField(bare.path, 'storage/jane', '%an <%ae>|%cn <%ce>'),
    ).toBe(
      'Jane Doe <jane@example.com>|Backstage Scaffolder <scaffolder@backstage.local>',
    );
    expect(await commitField(bare.path, 'storage/jane', '%B')).toBe(
      'Update the GitOps repository\n\nRequested-by: user:default/jane',
    );
  });

  it('names the branch after the task when no name is given', async () => {
    change();
    const { ctx, run } = publish({});
    await run();
    expect(ctx.output).toHaveBeenCalledWith('branch', 'storage/mock-tas');
    expect(Object.keys(await branchesOf(bare.path)).sort()).toEqual([
      'main',
      'storage/mock-tas',
    ]);
  });

  it('pushes nothing in a dry run and says so', async () => {
    change();
    const { ctx } = publish({ branchName: 'storage/dry' });
    await createGitPublishAction(deps).handler({ ...ctx, isDryRun: true });
    expect(Object.keys(await branchesOf(bare.path))).toEqual(['main']);
    expect(ctx.output).toHaveBeenCalledWith('branch', 'storage/dry');
    expect(ctx.output).not.toHaveBeenCalledWith('commit', expect.anything());
    expect(
      (await runGit(['branch', '--show-current'], { cwd: checkout })).trim(),
    ).toBe('main');
  });

  it.each([
    [
      { branchName: 'bad name' },
      /branchName 'bad name' is not a valid git branch name/,
    ],
    [
      { branchName: 'x', repoPath: '../outside' },
      /repoPath '\.\.\/outside' must be a folder inside the task workspace/,
    ],
    [
      { branchName: 'x', repoPath: 'missing' },
      /repoPath 'missing' is not a git checkout; run storage:git:clone first/,
    ],
  ])('refuses %j and pushes nothing', async (input, message) => {
    change();
    await expect(publish(input).run()).rejects.toThrow(message);
    expect(Object.keys(await branchesOf(bare.path))).toEqual(['main']);
  });

  it('fails clearly when there is nothing to publish', async () => {
    await expect(
      publish({ branchName: 'storage/empty' }).run(),
    ).rejects.toThrow(
      /Nothing to publish: the checkout in 'gitops' has no changes/,
    );
    expect(Object.keys(await branchesOf(bare.path))).toEqual(['main']);
  });

  it('refuses to reuse a branch that already exists on the remote', async () => {
    change();
    await publish({ branchName: 'storage/taken' }).run();
    const before = await branchesOf(bare.path);

    // A second task, fresh checkout, same branch name.
    fs.rmSync(checkout, { recursive: true });
    await createGitCloneAction(deps).handler(
      createMockActionContext({ input: {}, workspacePath }),
    );
    change();
    await expect(
      publish({ branchName: 'storage/taken' }).run(),
    ).rejects.toThrow(
      /branchName 'storage\/taken' already exists in .*; merge or delete it, or choose another name/,
    );
    expect(await branchesOf(bare.path)).toEqual(before);
  });

  it('refuses to push to a local repository outside the allowed roots', async () => {
    change();
    await runGit(['remote', 'set-url', 'origin', '/tmp/elsewhere.git'], {
      cwd: checkout,
    });
    await expect(publish({ branchName: 'x' }).run()).rejects.toThrow(
      /outside storage.gitops.allowedLocalRoots/,
    );
  });
});
