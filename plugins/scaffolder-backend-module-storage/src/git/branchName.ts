import { InputError } from '@backstage/errors';
import { runGit } from './runGit';

/**
 * Checks a branch name with git's own rules (`git check-ref-format`), plus a
 * leading `-` (it would read as an option). Throws an InputError naming the field.
 */
export async function assertValidBranchName(
  name: string,
  field: string,
): Promise<void> {
  const problem = name.startsWith('-')
    ? 'must not start with "-"'
    : await runGit(['check-ref-format', `refs/heads/${name}`]).then(
        () => undefined,
        () => 'is not a valid git branch name',
      );
  if (problem || name.trim() !== name || name.length === 0) {
    throw new InputError(
      `${field} '${name}' ${problem ?? 'is not a valid git branch name'}`,
    );
  }
}
