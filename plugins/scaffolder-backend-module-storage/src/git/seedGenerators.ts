import fs from 'node:fs/promises';
import { parse } from 'yaml';
import {
  applyChangeSet,
  createDirectoryRepoReader,
  findGenerator,
  gitopsGenerators,
  isGeneratorError,
  runGenerator,
} from '@gitops-storage/plugin-storage-gitops';

/** A generator run on the seed of the local repository. */
export interface SeedGeneratorStep {
  /** Generator id, e.g. `velero`. */
  generator: string;
  /** Absolute path of its YAML input file. */
  input: string;
}

/**
 * Runs the seed generators, in order, on the checkout `workDir` and writes
 * their change sets (each sees the previous ones). The seeded repository
 * is then what our own generators write, e.g. the demo cluster's Velero
 * app, which velero-schedules extends. Any failure names the step.
 */
export async function runSeedGenerators(
  workDir: string,
  steps: SeedGeneratorStep[],
): Promise<void> {
  for (const [index, step] of steps.entries()) {
    const where = `storage.gitops.localBareRepo.seedGenerators[${index}] (${step.generator})`;
    const generator = findGenerator(step.generator);
    if (!generator) {
      throw new Error(
        `${where}: unknown generator; known: ${gitopsGenerators
          .map(g => g.id)
          .join(', ')}`,
      );
    }
    let text: string;
    try {
      text = await fs.readFile(step.input, 'utf8');
    } catch {
      throw new Error(`${where}: input file '${step.input}' cannot be read`);
    }
    try {
      const changeSet = runGenerator(
        generator,
        createDirectoryRepoReader(workDir),
        parse(text),
      );
      await applyChangeSet(workDir, changeSet);
    } catch (error) {
      if (isGeneratorError(error))
        throw new Error(`${where}: ${error.message}`);
      throw error;
    }
  }
}
