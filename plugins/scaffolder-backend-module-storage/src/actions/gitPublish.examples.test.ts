import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { testActionDeps } from '../__testUtils__/actionDeps';
import {
  branchesOf,
  commitField,
  createTestBareRepo,
  filesChangedBy,
} from '../__testUtils__/gitTestRepos';
import { createGitCloneAction } from './gitClone';
import { createGitPublishAction } from './gitPublish';
import { examples } from './gitPublish.examples';

describe('storage:git:publish examples', () => {
  const mockDir = createMockDirectory();

  beforeEach(() => mockDir.clear());

  it.each(examples.map((example, index) => [example.description, index]))(
    'runs: %s',
    async (_description, index) => {
      const step = yaml.parse(examples[index as number].example).steps[0];
      const bare = await createTestBareRepo(
        mockDir.resolve('remote/gitops.git'),
      );
      const workspacePath = mockDir.resolve('workspace');
      const deps = testActionDeps({
        repoUrl: bare.path,
        allowedLocalRoots: [mockDir.resolve('remote')],
      });
      await createGitCloneAction(deps).handler(
        createMockActionContext({ input: {}, workspacePath }),
      );
      fs.writeFileSync(path.join(workspacePath, 'gitops', 'NEW.md'), 'new\n');

      const ctx = createMockActionContext({ input: step.input, workspacePath });
      await createGitPublishAction(deps).handler(ctx);

      const branches = await branchesOf(bare.path);
      expect(ctx.output).toHaveBeenCalledWith('branch', step.input.branchName);
      expect(ctx.output).toHaveBeenCalledWith(
        'commit',
        branches[step.input.branchName],
      );
      expect(await filesChangedBy(bare.path, step.input.branchName)).toEqual([
        'NEW.md',
      ]);
      expect(await commitField(bare.path, step.input.branchName, '%s')).toBe(
        step.input.commitMessage,
      );
      expect(await commitField(bare.path, step.input.branchName, '%ae')).toBe(
        step.input.authorEmail ?? 'scaffolder@backstage.local',
      );
    },
  );
});
