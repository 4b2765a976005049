import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError } from '@backstage/errors';

/** A repository on this machine's file system (a bare repository, usually). */
export interface LocalRepoLocation {
  kind: 'local';
  /** Absolute, normalised path. */
  path: string;
  /** The URL handed to git (`file://…`, so that shallow clones work). */
  gitUrl: string;
}

/** A repository reached over the network. */
export interface RemoteRepoLocation {
  kind: 'remote';
  protocol: 'https' | 'http' | 'ssh';
  host: string;
  /** The URL handed to git. */
  gitUrl: string;
  /** owner/repo when the path has that shape (GitHub and most forges). */
  owner?: string;
  repo?: string;
  /** The whole repository path without `.git`, e.g. a GitLab `group/subgroup/project`. */
  repoPath?: string;
}

export type RepoLocation = LocalRepoLocation | RemoteRepoLocation;

const SCP_LIKE = /^(?:[A-Za-z0-9._~-]+@)?([A-Za-z0-9.-]+):(?!\/\/)(.+)$/;

function ownerAndRepo(repoPath: string): {
  owner?: string;
  repo?: string;
  repoPath?: string;
} {
  const parts = repoPath.replace(/^\/+|\/+$/g, '').split('/');
  if (parts.length < 2 || parts.some(part => !part)) {
    return {};
  }
  const whole = { repoPath: parts.join('/').replace(/\.git$/, '') };
  if (parts.length !== 2) return whole;
  return { owner: parts[0], repo: parts[1].replace(/\.git$/, ''), ...whole };
}

function local(absolutePath: string): LocalRepoLocation {
  const normalised = path.resolve(absolutePath);
  return {
    kind: 'local',
    path: normalised,
    gitUrl: pathToFileURL(normalised).toString(),
  };
}

/**
 * Parses the repository URLs a template may pass: `https://host/owner/repo(.git)`,
 * `ssh://…`, `git@host:owner/repo.git`, `file:///abs/path`, an absolute path,
 * and the scaffolder's own `host?owner=o&repo=r` form (RepoUrlPicker).
 * Anything else (relative paths, `ext::` transports, option-like strings) is
 * rejected, because the value ends up on a git command line.
 */
export function parseRepoLocation(
  raw: string,
  field = 'repoUrl',
): RepoLocation {
  const value = raw.trim();
  if (!value) {
    throw new InputError(`${field} is empty`);
  }
  if (/[\0\r\n]/.test(value) || value.startsWith('-')) {
    throw new InputError(`${field} '${raw}' is not a repository URL`);
  }

  if (value.startsWith('file://')) {
    let filePath: string;
    try {
      filePath = fileURLToPath(value);
    } catch (e) {
      throw new InputError(`${field} '${raw}' is not a valid file URL: ${e}`);
    }
    return local(filePath);
  }
  if (path.isAbsolute(value)) {
    return local(value);
  }

  const scaffolderForm = /^([A-Za-z0-9.-]+(?::\d+)?)\?(.+)$/.exec(value);
  if (scaffolderForm) {
    const params = new URLSearchParams(scaffolderForm[2]);
    const owner = params.get('owner') ?? params.get('organization');
    const repo = params.get('repo');
    if (!owner || !repo) {
      throw new InputError(
        `${field} '${raw}' must name both owner and repo (host?owner=o&repo=r)`,
      );
    }
    const host = scaffolderForm[1];
    return {
      kind: 'remote',
      protocol: 'https',
      host,
      owner,
      repo,
      repoPath: `${owner}/${repo}`,
      gitUrl: `https://${host}/${encodeURIComponent(
        owner,
      )}/${encodeURIComponent(repo)}.git`,
    };
  }

  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (scheme) {
    if (scheme !== 'https' && scheme !== 'http' && scheme !== 'ssh') {
      throw new InputError(
        `${field} '${raw}' uses the unsupported scheme '${scheme}'; use https, ssh, file or an absolute path`,
      );
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch (e) {
      throw new InputError(`${field} '${raw}' is not a valid URL: ${e}`);
    }
    if (
      (scheme === 'https' || scheme === 'http') &&
      (url.username || url.password)
    ) {
      // Credentials come from the integrations config, never from a form.
      throw new InputError(
        `${field} must not contain credentials; configure an integration instead`,
      );
    }
    if (url.password) {
      // It would show in task logs and in .git/config.
      throw new InputError(
        `${field} must not contain a password (it would show in task logs and in .git/config); use ssh keys`,
      );
    }
    return {
      kind: 'remote',
      protocol: scheme,
      host: url.host,
      gitUrl: value,
      ...ownerAndRepo(url.pathname),
    };
  }

  const scp = SCP_LIKE.exec(value);
  if (scp && !value.includes('::')) {
    return {
      kind: 'remote',
      protocol: 'ssh',
      host: scp[1],
      gitUrl: value,
      ...ownerAndRepo(scp[2]),
    };
  }

  throw new InputError(
    `${field} '${raw}' is not a repository URL: use https://host/owner/repo, git@host:owner/repo.git, file:///path or an absolute path`,
  );
}

/** The web/API address of a remote repository, e.g. https://github.com/o/r. */
export function httpsRepoUrl(location: RemoteRepoLocation): string | undefined {
  if (!location.owner || !location.repo) {
    return undefined;
  }
  return `https://${location.host}/${location.owner}/${location.repo}`;
}
