import { z } from 'zod';

/**
 * Namespace lists as Velero v1.18.1 validates them
 * (pkg/util/collections/includes_excludes.go, ValidateNamespaceIncludesExcludes):
 * each name, with `*` replaced by a letter, must be a valid namespace name;
 * `*` alone in the includes or not at all; never `*` in the excludes; no
 * namespace both included and excluded. A Schedule that breaks these makes
 * every Backup FailedValidation.
 */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const veleroNamespaceName = z.string().refine(value => {
  const name = value.replace(/\*/g, 'x');
  return name.length > 0 && name.length <= 63 && DNS_LABEL.test(name);
}, 'must be a namespace name, with * as a wildcard (Velero replaces * by a letter and checks the name)');

export function veleroNamespaceLists(
  lists: { includedNamespaces?: string[]; excludedNamespaces?: string[] },
  ctx: z.RefinementCtx,
): void {
  const includes = lists.includedNamespaces ?? [];
  const excludes = lists.excludedNamespaces ?? [];
  if (includes.length > 1 && includes.includes('*'))
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['includedNamespaces'],
      message: "must either contain '*' only, or a list of namespaces",
    });
  if (excludes.includes('*'))
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['excludedNamespaces'],
      message: "cannot contain '*'",
    });
  for (const name of excludes)
    if (includes.includes(name))
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['excludedNamespaces'],
        message: `'${name}' is also in includedNamespaces`,
      });
}
