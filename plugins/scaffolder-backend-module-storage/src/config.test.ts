import { ConfigReader } from '@backstage/config';
import { readGitopsScaffolderConfig } from './config';

describe('readGitopsScaffolderConfig', () => {
  it('defaults to the local bare repository, resolved from the repo root', () => {
    const config = readGitopsScaffolderConfig(
      new ConfigReader({
        storage: {
          gitops: {
            localBareRepo: {
              path: '.data/gitops.git',
              seedFrom: 'test/fixtures/gitops-repo',
            },
          },
        },
      }),
      '/repo',
    );
    expect(config).toEqual({
      repoUrl: '/repo/.data/gitops.git',
      baseBranch: 'main',
      committer: {
        name: 'Backstage Scaffolder',
        email: 'scaffolder@backstage.local',
      },
      allowedLocalRoots: ['/repo/.data/gitops.git'],
      allowedHosts: [],
      localBareRepo: {
        path: '/repo/.data/gitops.git',
        seedFrom: '/repo/test/fixtures/gitops-repo',
        seedGenerators: [],
      },
    });
  });

  it('prefers an explicit repoUrl and reads author, branch and allowed roots', () => {
    const config = readGitopsScaffolderConfig(
      new ConfigReader({
        storage: {
          gitops: {
            repoUrl: 'https://github.com/acme/gitops',
            baseBranch: 'trunk',
            author: { name: 'Platform Bot', email: 'bot@example.com' },
            allowedLocalRoots: ['/srv/git', 'relative/repos'],
          },
        },
      }),
      '/repo',
    );
    expect(config).toMatchObject({
      repoUrl: 'https://github.com/acme/gitops',
      baseBranch: 'trunk',
      committer: { name: 'Platform Bot', email: 'bot@example.com' },
      allowedLocalRoots: ['/srv/git', '/repo/relative/repos'],
      localBareRepo: undefined,
    });
  });

  it('allows a local repoUrl given as a file URL', () => {
    const config = readGitopsScaffolderConfig(
      new ConfigReader({
        storage: { gitops: { repoUrl: 'file:///srv/git/gitops.git' } },
      }),
      '/repo',
    );
    expect(config.allowedLocalRoots).toEqual(['/srv/git/gitops.git']);
  });

  it('works without any storage config', () => {
    expect(readGitopsScaffolderConfig(new ConfigReader({}), '/repo')).toEqual({
      repoUrl: undefined,
      baseBranch: 'main',
      committer: {
        name: 'Backstage Scaffolder',
        email: 'scaffolder@backstage.local',
      },
      allowedLocalRoots: [],
      allowedHosts: [],
      localBareRepo: undefined,
    });
  });

  it('allows the configured hosts and the host of the configured repoUrl', () => {
    const config = readGitopsScaffolderConfig(
      new ConfigReader({
        storage: {
          gitops: {
            repoUrl: 'https://git.corp.example:8443/platform/gitops.git',
            allowedHosts: ['gitea.internal'],
          },
        },
      }),
      '/repo',
    );
    expect(config.allowedHosts).toEqual([
      'gitea.internal',
      'git.corp.example:8443',
    ]);
  });

  it('reads the seed generators, their inputs resolved from the repo root', () => {
    const config = readGitopsScaffolderConfig(
      new ConfigReader({
        storage: {
          gitops: {
            localBareRepo: {
              path: '.data/gitops.git',
              seedFrom: 'test/fixtures/gitops-repo',
              seedGenerators: [
                { generator: 'velero', input: 'seed/velero.yaml' },
              ],
            },
          },
        },
      }),
      '/repo',
    );
    expect(config.localBareRepo?.seedGenerators).toEqual([
      { generator: 'velero', input: '/repo/seed/velero.yaml' },
    ]);
  });
});
