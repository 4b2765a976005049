import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { DEFAULT_COMMITTER, GitopsScaffolderConfig } from '../config';

/** Action dependencies for tests: a GitHub integration with a fake token. */
export function testActionDeps(config: Partial<GitopsScaffolderConfig>) {
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        github: [{ host: 'github.com', token: 'ghp_testtokentesttokentest' }],
      },
    }),
  );
  return {
    config: {
      baseBranch: 'main',
      committer: DEFAULT_COMMITTER,
      allowedLocalRoots: [],
      allowedHosts: [],
      ...config,
    },
    integrations,
    githubCredentialsProvider:
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
  };
}
