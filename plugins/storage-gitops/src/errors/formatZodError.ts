import type { z } from 'zod';

/** A dotted path for a zod issue path, e.g. `drives.0.capacity`. */
export function issuePath(path: ReadonlyArray<string | number>): string {
  return path.length === 0 ? '(input)' : path.join('.');
}

/**
 * Turns zod issues into one readable message, one line per issue, each
 * starting with the field it is about.
 */
export function formatZodError(error: z.ZodError): string {
  const lines = error.issues.map(issue => {
    const where = issuePath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return `${where}: unknown field(s) ${issue.keys
        .map(key => `'${key}'`)
        .join(', ')}`;
    }
    if (issue.code === 'invalid_union_discriminator') {
      return `${where}: must be one of ${issue.options
        .map(option => `'${String(option)}'`)
        .join(', ')}`;
    }
    return `${where}: ${issue.message}`;
  });
  return [...new Set(lines)].join('\n');
}
