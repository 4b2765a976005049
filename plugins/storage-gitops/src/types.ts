import type { z } from 'zod';

/**
 * A read-only view of a GitOps repository. Paths are POSIX, relative to the
 * repository root, never absolute and never containing `..`.
 * @public
 */
export interface RepoReader {
  /** The file's text, or undefined when there is no such file. */
  readFile(path: string): string | undefined;
  /** True when the path is a directory. */
  isDirectory(path: string): boolean;
  /** Names (not paths) of the entries of a directory; empty when absent. */
  listDirectory(path: string): string[];
}

/**
 * One file a generator creates, changes or deletes. A generator deletes only
 * files it wrote itself (day 2: the input no longer asks for them).
 * @public
 */
export interface FileChange {
  path: string;
  action: 'create' | 'update' | 'delete';
  /** The complete new content; empty for `delete`. */
  content: string;
  /** The content before the change (for `update` and `delete`). */
  previous?: string;
}

/** What a generator would do to a repository. Empty when it is already done. @public */
export interface ChangeSet {
  generator: string;
  changes: FileChange[];
  /** One line for a commit message or pull request title. */
  summary: string;
}

/**
 * A generator: a pure function from (repository files, validated input) to a
 * change set. It throws a `GeneratorError` when it cannot do its job, and it
 * never writes anything itself.
 * @public
 */
export interface GitopsGenerator<TInput = unknown> {
  /** Used in `backstage-storage gitops <id>` and action ids `storage:gitops:<id>`. */
  id: string;
  title: string;
  description: string;
  /** Zod (v3 API) schema of the input; `generate` receives parsed input. */
  inputSchema: z.ZodType<TInput, z.ZodTypeDef, unknown>;
  generate(repo: RepoReader, input: TInput): ChangeSet;
}
