/** Why a generator refused to produce a change set. @public */
export type GeneratorErrorCode =
  /** The input failed validation (a field is missing, malformed or unsafe). */
  | 'invalid-input'
  /** A file the generator would create already exists with other content. */
  | 'conflict'
  /** A kustomization (or other file) the change must be wired into is absent. */
  | 'missing-parent'
  /** A file in the repository cannot be read or parsed. */
  | 'invalid-repository';

/**
 * The one error a generator throws: the input or the repository does not
 * allow the change. The message names the field or file. Like Backstage's
 * `InputError`, it is the caller's fault, so the scaffolder maps it to one
 * and the command line exits with status 2.
 * @public
 */
export class GeneratorError extends Error {
  readonly name = 'GeneratorError';
  readonly code: GeneratorErrorCode;
  /** The input field at fault, as a dotted path (e.g. `drives.0.capacity`). */
  readonly field?: string;
  /** The repository file at fault (POSIX, relative to the repository root). */
  readonly file?: string;

  constructor(
    message: string,
    options: { code?: GeneratorErrorCode; field?: string; file?: string } = {},
  ) {
    super(message);
    this.code = options.code ?? 'invalid-input';
    this.field = options.field;
    this.file = options.file;
  }
}

/** True for a `GeneratorError`, also across module copies (checks the name). @public */
export function isGeneratorError(error: unknown): error is GeneratorError {
  return (
    error instanceof GeneratorError ||
    (error instanceof Error && error.name === 'GeneratorError')
  );
}
