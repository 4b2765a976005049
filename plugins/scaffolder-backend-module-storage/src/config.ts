import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '@backstage/config';
import { parseRepoLocation } from './git/repoUrl';
import type { SeedGeneratorStep } from './git/seedGenerators';

/** The module's settings, read once from `storage.gitops`. */
export interface GitopsScaffolderConfig {
  /** The default repository (raw URL or path) when a template names none. */
  repoUrl?: string;
  baseBranch: string;
  committer: { name: string; email: string };
  /** Absolute directories from which local repositories may be cloned. */
  allowedLocalRoots: string[];
  /** Remote git hosts (host or host:port) allowed besides those with an integration. */
  allowedHosts: string[];
  /** Absolute paths of the embedded local bare repository, its seed and the seed generators' inputs. */
  localBareRepo?: {
    path: string;
    seedFrom: string;
    seedGenerators: SeedGeneratorStep[];
  };
}

export const DEFAULT_BASE_BRANCH = 'main';
export const DEFAULT_COMMITTER = {
  name: 'Backstage Scaffolder',
  email: 'scaffolder@backstage.local',
};

/** The host of a configured remote repository URL (the operator chose it). */
function remoteHostOf(url: string): string | undefined {
  try {
    const location = parseRepoLocation(url, 'storage.gitops.repoUrl');
    return location.kind === 'remote' ? location.host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads `storage.gitops`. Relative paths resolve against `rootDir` (the
 * monorepo root), so the same app-config works from any working directory.
 */
export function readGitopsScaffolderConfig(
  config: Config,
  rootDir: string,
): GitopsScaffolderConfig {
  const gitops = config.getOptionalConfig('storage.gitops');
  const resolve = (p: string) => path.resolve(rootDir, p);

  const bare = gitops?.getOptionalConfig('localBareRepo');
  const localBareRepo = bare
    ? {
        path: resolve(bare.getString('path')),
        seedFrom: resolve(bare.getString('seedFrom')),
        seedGenerators: (
          bare.getOptionalConfigArray('seedGenerators') ?? []
        ).map(step => ({
          generator: step.getString('generator'),
          input: resolve(step.getString('input')),
        })),
      }
    : undefined;

  const configuredUrl = gitops?.getOptionalString('repoUrl');
  const repoUrl = configuredUrl ?? localBareRepo?.path;

  const allowedLocalRoots = (
    gitops?.getOptionalStringArray('allowedLocalRoots') ?? []
  ).map(resolve);
  if (localBareRepo) {
    allowedLocalRoots.push(localBareRepo.path);
  }
  if (configuredUrl && path.isAbsolute(configuredUrl)) {
    allowedLocalRoots.push(path.resolve(configuredUrl));
  }
  if (configuredUrl?.startsWith('file://')) {
    allowedLocalRoots.push(fileURLToPath(configuredUrl));
  }

  const allowedHosts = gitops?.getOptionalStringArray('allowedHosts') ?? [];
  const configuredHost = configuredUrl
    ? remoteHostOf(configuredUrl)
    : undefined;
  if (configuredHost) allowedHosts.push(configuredHost);

  return {
    repoUrl,
    allowedHosts,
    baseBranch: gitops?.getOptionalString('baseBranch') ?? DEFAULT_BASE_BRANCH,
    committer: {
      name: gitops?.getOptionalString('author.name') ?? DEFAULT_COMMITTER.name,
      email:
        gitops?.getOptionalString('author.email') ?? DEFAULT_COMMITTER.email,
    },
    allowedLocalRoots,
    localBareRepo,
  };
}
