import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { testActionDeps } from '../__testUtils__/actionDeps';
import { createTestBareRepo } from '../__testUtils__/gitTestRepos';
import { redirectGitUrls } from '../__testUtils__/redirectGitUrls';
import { createGitCloneAction } from './gitClone';
import { examples } from './gitClone.examples';

describe('storage:git:clone examples', () => {
  const mockDir = createMockDirectory();
  let restore: () => void;
  let commit: string;

  beforeEach(async () => {
    mockDir.clear();
    const bare = await createTestBareRepo(mockDir.resolve('remote/gitops.git'));
    commit = bare.commit;
    // The examples name GitHub and a server path; serve both from the test repository.
    restore = redirectGitUrls(mockDir.resolve('gitconfig'), {
      'https://github.com/acme/gitops': `file://${bare.path}`,
      'file:///srv/git/gitops.git': `file://${bare.path}`,
    });
  });

  afterEach(() => restore());

  it.each(examples.map((example, index) => [example.description, index]))(
    'runs: %s',
    async (_description, index) => {
      const step = yaml.parse(examples[index as number].example).steps[0];
      const workspacePath = mockDir.resolve('workspace');
      const ctx = createMockActionContext({ input: step.input, workspacePath });
      const action = createGitCloneAction(
        testActionDeps({
          repoUrl: mockDir.resolve('remote/gitops.git'),
          allowedLocalRoots: [mockDir.resolve('remote'), '/srv/git'],
        }),
      );

      await action.handler(ctx);

      const target = step.input.targetPath ?? 'gitops';
      expect(fs.existsSync(path.join(workspacePath, target, 'README.md'))).toBe(
        true,
      );
      expect(ctx.output).toHaveBeenCalledWith('commit', commit);
      expect(ctx.output).toHaveBeenCalledWith(
        'provider',
        step.input.repoUrl?.includes('github.com') ? 'github' : 'git',
      );
    },
  );

  it('tells a GitHub checkout apart, with the repoUrl publish:github:pull-request takes', async () => {
    const ctx = createMockActionContext({
      input: { repoUrl: 'https://github.com/acme/gitops' },
      workspacePath: mockDir.resolve('workspace'),
    });
    await createGitCloneAction(testActionDeps({})).handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith(
      'githubRepoUrl',
      'github.com?owner=acme&repo=gitops',
    );
  });
});
