import {
  applyChangeSet,
  createDirectoryRepoReader,
  findGenerator,
  gitopsGenerators,
  isGeneratorError,
  renderUnifiedDiff,
  runGenerator,
} from '@gitops-storage/plugin-storage-gitops';
import { readInputFile } from './readInputFile';

export interface GitopsOptions {
  generator?: string;
  repo?: string;
  input?: string;
  dryRun?: boolean;
  list?: boolean;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes: 0 done (or nothing to do), 2 invalid usage, input or conflict. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 2;

export function listGenerators(): string {
  const width = Math.max(...gitopsGenerators.map(g => g.id.length));
  return `${gitopsGenerators
    .map(g => `  ${g.id.padEnd(width)}  ${g.title}: ${g.description}`)
    .join('\n')}\n`;
}

/**
 * `backstage-storage gitops <generator> --repo DIR --input FILE [--dry-run]`:
 * runs the generator on the repository folder; a dry run prints the diff and
 * writes nothing, otherwise the change set is applied atomically.
 */
export async function runGitops(
  options: GitopsOptions,
  output: Output,
): Promise<number> {
  if (options.list) {
    output.out(`Generators:\n${listGenerators()}`);
    return EXIT_OK;
  }
  const usage = (message: string) => {
    output.err(`backstage-storage gitops: ${message}\n`);
    return EXIT_INVALID;
  };
  if (!options.generator)
    return usage(`name a generator:\n${listGenerators()}`);
  const generator = findGenerator(options.generator);
  if (!generator)
    return usage(
      `unknown generator '${
        options.generator
      }'. Generators:\n${listGenerators()}`,
    );
  if (!options.repo)
    return usage('--repo DIR is required (the GitOps repository checkout)');
  if (!options.input)
    return usage('--input FILE.yaml is required (the generator input)');
  try {
    const repo = createDirectoryRepoReader(options.repo);
    const changeSet = runGenerator(
      generator,
      repo,
      readInputFile(options.input),
    );
    if (changeSet.changes.length === 0) {
      output.out(
        `nothing to change: ${changeSet.summary} is already in ${options.repo}\n`,
      );
      return EXIT_OK;
    }
    if (options.dryRun) {
      output.out(renderUnifiedDiff(changeSet));
      output.out(
        `\ndry run: ${changeSet.summary}; ${changeSet.changes.length} file(s) would change, nothing written\n`,
      );
      return EXIT_OK;
    }
    const result = await applyChangeSet(options.repo, changeSet);
    const done = { create: 'created', update: 'updated', delete: 'deleted' };
    const lines = changeSet.changes
      .filter(
        change =>
          result.written.includes(change.path) ||
          result.deleted.includes(change.path),
      )
      .map(change => `  ${done[change.action]} ${change.path}`);
    output.out(`${changeSet.summary}\n${lines.join('\n')}\n`);
    return EXIT_OK;
  } catch (error) {
    if (isGeneratorError(error)) return usage(error.message);
    throw error;
  }
}
