import { assertRepoAllowed } from './localAccess';
import { parseRepoLocation } from './repoUrl';

describe('assertRepoAllowed', () => {
  const roots = ['/srv/git', '/data/gitops.git'];

  it.each([
    '/srv/git/gitops.git',
    'file:///srv/git/team/a.git',
    '/data/gitops.git',
    'https://github.com/acme/gitops',
  ])('allows %s', url => {
    expect(() =>
      assertRepoAllowed(parseRepoLocation(url), roots),
    ).not.toThrow();
  });

  it.each([
    '/etc',
    '/srv/gitother/x.git',
    '/srv/git/../../home/user/secret.git',
    'file:///data/gitops.git2',
  ])('refuses %s', url => {
    expect(() => assertRepoAllowed(parseRepoLocation(url), roots)).toThrow(
      /outside storage.gitops.allowedLocalRoots/,
    );
  });
});
