import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { gitProviderOf, isGithubRepo, resolveGitAuth } from './gitAuth';
import { parseRepoLocation } from './repoUrl';

describe('resolveGitAuth', () => {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        github: [{ host: 'github.com', token: 'ghp_test_token' }],
        gitlab: [
          {
            host: 'gitlab.example.com',
            token: 'glpat-test-token',
            apiBaseUrl: 'https://gitlab.example.com/api/v4',
          },
        ],
      },
    }),
  );
  const deps = {
    integrations,
    githubCredentialsProvider:
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
  };

  it('passes the GitHub token as an http header scoped to the host, never in the URL', async () => {
    const location = parseRepoLocation('https://github.com/acme/gitops');
    const auth = await resolveGitAuth(location, deps);
    const basic = Buffer.from('x-access-token:ghp_test_token').toString(
      'base64',
    );
    expect(auth.env).toEqual({
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
    });
    expect(auth.redact).toEqual(['ghp_test_token', basic]);
    expect(location.gitUrl).not.toContain('ghp_test_token');
    expect(isGithubRepo(location, integrations)).toBe(true);
  });

  it.each([
    'https://git.example.com/acme/gitops',
    'git@github.com:acme/gitops.git',
    '/srv/git/gitops.git',
  ])('adds no credentials for %s', async url => {
    const auth = await resolveGitAuth(parseRepoLocation(url), deps);
    expect(auth.env).toEqual({});
  });

  it('passes the GitLab integration token the same way (user oauth2), never in the URL', async () => {
    const location = parseRepoLocation(
      'https://gitlab.example.com/platform/infra/gitops.git',
    );
    const auth = await resolveGitAuth(location, deps);
    const basic = Buffer.from('oauth2:glpat-test-token').toString('base64');
    expect(auth.env).toEqual({
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.https://gitlab.example.com/.extraheader',
      GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
    });
    expect(auth.redact).toEqual(['glpat-test-token', basic]);
    expect(location.gitUrl).not.toContain('glpat');
  });

  it.each([
    ['https://github.com/acme/gitops', 'github'],
    ['https://gitlab.example.com/platform/gitops', 'gitlab'],
    ['https://git.example.com/acme/gitops', 'git'],
    ['/srv/git/gitops.git', 'git'],
  ])('%s takes the %s review path', (url, provider) => {
    expect(gitProviderOf(parseRepoLocation(url), integrations)).toBe(provider);
  });
});
