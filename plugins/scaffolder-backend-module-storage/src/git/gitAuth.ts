import type {
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import type { RepoLocation } from './repoUrl';

/** What a git invocation needs to authenticate, and what to redact from errors. */
export interface GitAuth {
  env: Record<string, string>;
  redact: string[];
}

export const NO_AUTH: GitAuth = { env: {}, redact: [] };

/** Dependencies for finding credentials of a repository. */
export interface GitAuthDeps {
  integrations: ScmIntegrationRegistry;
  githubCredentialsProvider: GithubCredentialsProvider;
}

/** True when the repository lives on a host with a GitHub integration. */
export function isGithubRepo(
  location: RepoLocation,
  integrations: ScmIntegrationRegistry,
): boolean {
  return (
    location.kind === 'remote' &&
    Boolean(integrations.github.byHost(location.host))
  );
}

/** True when the repository lives on a host with a GitLab integration. */
export function isGitlabRepo(
  location: RepoLocation,
  integrations: ScmIntegrationRegistry,
): boolean {
  return (
    location.kind === 'remote' &&
    Boolean(integrations.gitlab.byHost(location.host))
  );
}

/** The git provider whose review flow a template takes. */
export function gitProviderOf(
  location: RepoLocation,
  integrations: ScmIntegrationRegistry,
): 'github' | 'gitlab' | 'git' {
  if (isGithubRepo(location, integrations)) return 'github';
  if (isGitlabRepo(location, integrations)) return 'gitlab';
  return 'git';
}

function basicAuthHeader(host: string, user: string, token: string): GitAuth {
  const basic = Buffer.from(`${user}:${token}`).toString('base64');
  return {
    env: {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: `http.https://${host}/.extraheader`,
      GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
    },
    redact: [token, basic],
  };
}

/**
 * Credentials for an https repository on a GitHub or GitLab integration host, passed to
 * git as an http header through GIT_CONFIG_* environment variables: never in
 * the URL (it would be stored in .git/config and shown in logs) and never on
 * the command line (visible in the process list). Other repositories get no
 * credentials here: ssh uses the host's keys, local paths need none.
 */
export async function resolveGitAuth(
  location: RepoLocation,
  deps: GitAuthDeps,
): Promise<GitAuth> {
  if (location.kind !== 'remote' || location.protocol !== 'https') {
    return NO_AUTH;
  }
  const gitlab = deps.integrations.gitlab.byHost(location.host);
  if (gitlab) {
    // GitLab takes a personal, project or group access token as the
    // password of any user name over https.
    const token = gitlab.config.token;
    return token ? basicAuthHeader(location.host, 'oauth2', token) : NO_AUTH;
  }
  if (!deps.integrations.github.byHost(location.host)) {
    return NO_AUTH;
  }
  const repoPath =
    location.owner && location.repo
      ? `/${location.owner}/${location.repo}`
      : '';
  const { token } = await deps.githubCredentialsProvider.getCredentials({
    url: `https://${location.host}${repoPath}`,
  });
  if (!token) {
    return NO_AUTH;
  }
  return basicAuthHeader(location.host, 'x-access-token', token);
}
