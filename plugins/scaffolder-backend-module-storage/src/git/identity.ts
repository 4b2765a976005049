/** A git identity (author or committer). */
export interface GitIdentity {
  name: string;
  email: string;
}

/** Environment variables that set author and committer for one git command. */
export function identityEnv(
  author: GitIdentity,
  committer: GitIdentity = author,
): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
  };
}

/**
 * Settings for commits made by the backend: no signing (there is no key) and
 * no hooks (the repository's hooks are not ours to run).
 */
export const COMMIT_SETTINGS = [
  '-c',
  'commit.gpgsign=false',
  '-c',
  'core.hooksPath=/dev/null',
];
