import type { ChangeSet, GitopsGenerator, RepoReader } from '../types';
import { GeneratorError } from '../errors/GeneratorError';
import { formatZodError, issuePath } from '../errors/formatZodError';
import { findSecretMaterial } from './secretMaterial';

/**
 * Validates raw input (from a YAML file or a scaffolder form) for a
 * generator. Refuses secret material first, then applies the generator's
 * zod schema; every problem becomes one GeneratorError whose message lists
 * each field and what is wrong with it.
 * @public
 */
export function parseGeneratorInput<T>(
  generator: GitopsGenerator<T>,
  raw: unknown,
): T {
  const secret = findSecretMaterial(raw);
  if (secret) {
    throw new GeneratorError(
      `${secret.field}: looks like ${secret.what}. A generator never writes secret material into git; ` +
        'create the Secret in the cluster and reference it by name (for Velero: credentials.existingSecret, key "cloud").',
      { code: 'invalid-input', field: secret.field },
    );
  }
  const result = generator.inputSchema.safeParse(raw ?? {});
  if (!result.success) {
    const first = result.error.issues[0];
    throw new GeneratorError(
      `invalid input for ${generator.id}:\n${formatZodError(result.error)}`,
      {
        code: 'invalid-input',
        field: first ? issuePath(first.path) : undefined,
      },
    );
  }
  return result.data;
}

/**
 * Parses the input and runs the generator: the one call the scaffolder
 * actions and the command line make.
 * @public
 */
export function runGenerator<T>(
  generator: GitopsGenerator<T>,
  repo: RepoReader,
  raw: unknown,
): ChangeSet {
  return generator.generate(repo, parseGeneratorInput(generator, raw));
}
