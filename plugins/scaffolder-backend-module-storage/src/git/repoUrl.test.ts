import { parseRepoLocation } from './repoUrl';

describe('parseRepoLocation', () => {
  it.each([
    [
      'https://github.com/acme/gitops',
      {
        kind: 'remote',
        protocol: 'https',
        host: 'github.com',
        owner: 'acme',
        repo: 'gitops',
        gitUrl: 'https://github.com/acme/gitops',
      },
    ],
    [
      'https://git.example.com:8443/acme/gitops.git',
      {
        kind: 'remote',
        protocol: 'https',
        host: 'git.example.com:8443',
        owner: 'acme',
        repo: 'gitops',
      },
    ],
    [
      'git@github.com:acme/gitops.git',
      {
        kind: 'remote',
        protocol: 'ssh',
        host: 'github.com',
        owner: 'acme',
        repo: 'gitops',
      },
    ],
    [
      'ssh://git@git.example.com/acme/gitops.git',
      {
        kind: 'remote',
        protocol: 'ssh',
        host: 'git.example.com',
        owner: 'acme',
        repo: 'gitops',
      },
    ],
    [
      'https://gitlab.example.com/platform/infra/gitops.git',
      {
        kind: 'remote',
        protocol: 'https',
        host: 'gitlab.example.com',
        repoPath: 'platform/infra/gitops',
      },
    ],
    [
      'github.com?owner=acme&repo=gitops',
      {
        kind: 'remote',
        protocol: 'https',
        host: 'github.com',
        owner: 'acme',
        repo: 'gitops',
        gitUrl: 'https://github.com/acme/gitops.git',
      },
    ],
    [
      '/srv/git/gitops.git',
      {
        kind: 'local',
        path: '/srv/git/gitops.git',
        gitUrl: 'file:///srv/git/gitops.git',
      },
    ],
    [
      '/srv/git/../git/gitops.git',
      { kind: 'local', path: '/srv/git/gitops.git' },
    ],
    [
      'file:///srv/git/gitops.git',
      {
        kind: 'local',
        path: '/srv/git/gitops.git',
        gitUrl: 'file:///srv/git/gitops.git',
      },
    ],
  ])('parses %s', (raw, expected) => {
    expect(parseRepoLocation(raw)).toMatchObject(expected);
  });

  it.each([
    ['', /repoUrl is empty/],
    ['relative/path.git', /not a repository URL/],
    ['--upload-pack=touch /tmp/x', /not a repository URL/],
    ['ext::sh -c touch% /tmp/pwned', /not a repository URL/],
    ['ftp://example.com/repo.git', /unsupported scheme 'ftp'/],
    [
      'https://user:secret@github.com/acme/gitops',
      /must not contain credentials/,
    ],
    ['github.com?owner=acme', /must name both owner and repo/],
    ['https://github.com/acme/gitops\n--foo', /not a repository URL/],
  ])('rejects %j', (raw, message) => {
    expect(() => parseRepoLocation(raw)).toThrow(message);
  });
});
