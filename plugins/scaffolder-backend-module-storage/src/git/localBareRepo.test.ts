import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { DEFAULT_COMMITTER } from '../config';
import {
  branchesOf,
  commitField,
  fileAt,
  writeSeed,
} from '../__testUtils__/gitTestRepos';
import { ensureLocalBareRepo } from './localBareRepo';

describe('ensureLocalBareRepo', () => {
  const mockDir = createMockDirectory();

  beforeEach(() => {
    mockDir.clear();
  });

  function seed() {
    return writeSeed(mockDir.resolve('seed'), {
      'apps/kustomization.yaml': '# the apps\nresources: []\n',
      'README.md': 'GitOps\n',
    });
  }

  it('creates a bare repository with the seed as one commit on the branch, and ignores its data folder', async () => {
    const target = mockDir.resolve('.data/gitops.git');
    const result = await ensureLocalBareRepo({
      path: target,
      seedFrom: seed(),
      branch: 'main',
      committer: DEFAULT_COMMITTER,
    });

    expect(result).toMatchObject({ status: 'created', path: target });
    const branches = await branchesOf(target);
    expect(Object.keys(branches)).toEqual(['main']);
    expect(result.status === 'created' && result.commit).toBe(branches.main);
    expect(await fileAt(target, 'main', 'apps/kustomization.yaml')).toBe(
      '# the apps\nresources: []\n',
    );
    expect(await commitField(target, 'main', '%an <%ae>')).toBe(
      'Backstage Scaffolder <scaffolder@backstage.local>',
    );
    expect(fs.readFileSync(mockDir.resolve('.data/.gitignore'), 'utf8')).toBe(
      '*\n',
    );
    // Nothing left over from staging.
    expect(fs.readdirSync(mockDir.resolve('.data')).sort()).toEqual([
      '.gitignore',
      'gitops.git',
    ]);
  });

  it('leaves an existing repository untouched', async () => {
    const target = mockDir.resolve('gitops.git');
    const options = {
      path: target,
      seedFrom: seed(),
      branch: 'main',
      committer: DEFAULT_COMMITTER,
    };
    await ensureLocalBareRepo(options);
    const before = await branchesOf(target);
    fs.writeFileSync(path.join(options.seedFrom, 'new.txt'), 'new\n');

    await expect(ensureLocalBareRepo(options)).resolves.toEqual({
      status: 'exists',
      path: target,
    });
    expect(await branchesOf(target)).toEqual(before);
  });

  it('fails clearly, creating nothing, when the seed folder is missing', async () => {
    const target = mockDir.resolve('gitops.git');
    await expect(
      ensureLocalBareRepo({
        path: target,
        seedFrom: mockDir.resolve('missing'),
        branch: 'main',
        committer: DEFAULT_COMMITTER,
      }),
    ).rejects.toThrow(/seedFrom '.*missing' is not a directory/);
    expect(fs.existsSync(target)).toBe(false);
  });
});
