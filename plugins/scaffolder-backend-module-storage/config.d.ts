export interface Config {
  storage?: {
    /** Where the storage templates write: the GitOps repository. */
    gitops?: {
      /**
       * The GitOps repository the templates target by default: an https or
       * ssh URL, `git@host:owner/repo.git`, `file:///abs/path` or an absolute
       * path. When unset and `localBareRepo` is configured, the local bare
       * repository is the default.
       * @visibility backend
       */
      repoUrl?: string;
      /**
       * The branch to check out and to open changes against. Default `main`.
       * @visibility backend
       */
      baseBranch?: string;
      /**
       * The identity that commits (the requesting user, when known, is the
       * author). Defaults: `Backstage Scaffolder` / `scaffolder@backstage.local`.
       * @visibility backend
       */
      author?: {
        name?: string;
        email?: string;
      };
      /**
       * Directories (absolute, or relative to the repository root) in which
       * local repositories (paths and file:// URLs) may be cloned from. The
       * configured `repoUrl` and `localBareRepo.path` are always allowed.
       * @visibility backend
       */
      allowedLocalRoots?: string[];
      /**
       * Remote git hosts (`host` or `host:port`) that templates may clone from
       * and push to, besides the hosts of Backstage integrations and the host
       * of `repoUrl`. Loopback and link-local addresses are refused unless
       * listed here.
       * @visibility backend
       */
      allowedHosts?: string[];
      /**
       * The embedded default: on backend start, create a local bare repository
       * at `path` from the files in `seedFrom` (one commit on `baseBranch`),
       * unless `path` already exists. Relative paths are relative to the
       * repository root (the folder with the root package.json).
       * @visibility backend
       */
      localBareRepo?: {
        path: string;
        seedFrom: string;
        /**
         * Generators run on the seed, in order, before the first commit, so
         * the repository starts with what they write (e.g. the velero
         * generator with the demo cluster's Velero install). `input` is a
         * YAML input file, relative to the repository root.
         * @visibility backend
         */
        seedGenerators?: Array<{
          generator: string;
          input: string;
        }>;
      };
    };
  };
}
