import fs from 'node:fs';
import request from 'supertest';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { branchesOf, FIXTURE_REPO, fileAt } from './__testUtils__/gitTestRepos';
import { startScaffolderTestBackend } from './__testUtils__/scaffolderTestBackend';

jest.setTimeout(60_000);

describe('storageScaffolderModule', () => {
  const mockDir = createMockDirectory();

  beforeEach(() => mockDir.clear());

  function storageConfig() {
    return {
      gitops: {
        localBareRepo: {
          path: mockDir.resolve('.data/gitops.git'),
          seedFrom: FIXTURE_REPO,
        },
      },
    };
  }

  it('registers one action per generator plus clone and publish', async () => {
    const server = await startScaffolderTestBackend({
      storageConfig: storageConfig(),
    });
    const response = await request(server).get('/api/scaffolder/v2/actions');
    const ids: string[] = response.body.map((a: { id: string }) => a.id);
    expect(ids.filter(id => id.startsWith('storage:')).sort()).toEqual([
      'storage:git:clone',
      'storage:git:publish',
      'storage:gitops:kro-backup-policies',
      'storage:gitops:kro-inventory',
      'storage:gitops:nfs-provisioner',
      'storage:gitops:velero',
      'storage:gitops:velero-schedules',
      'storage:gitops:volume-request',
    ]);
    const volume = response.body.find(
      (a: { id: string }) => a.id === 'storage:gitops:volume-request',
    );
    expect(Object.keys(volume.schema.input.properties)).toEqual(
      expect.arrayContaining([
        'folder',
        'claimName',
        'tier',
        'size',
        'repoPath',
      ]),
    );
  });

  it('creates the embedded local repository on first start and leaves it alone afterwards', async () => {
    const bare = mockDir.resolve('.data/gitops.git');
    await startScaffolderTestBackend({ storageConfig: storageConfig() });

    const branches = await branchesOf(bare);
    expect(Object.keys(branches)).toEqual(['main']);
    expect(await fileAt(bare, 'main', 'README.md')).toBe(
      fs.readFileSync(`${FIXTURE_REPO}/README.md`, 'utf8'),
    );

    await startScaffolderTestBackend({ storageConfig: storageConfig() });
    expect(await branchesOf(bare)).toEqual(branches);
  });

  it('keeps the backend up when the seed folder is missing', async () => {
    const server = await startScaffolderTestBackend({
      storageConfig: {
        gitops: {
          localBareRepo: {
            path: mockDir.resolve('.data/gitops.git'),
            seedFrom: mockDir.resolve('missing'),
          },
        },
      },
    });
    const response = await request(server).get('/api/scaffolder/v2/actions');
    expect(response.status).toBe(200);
    expect(fs.existsSync(mockDir.resolve('.data/gitops.git'))).toBe(false);
  });
});
