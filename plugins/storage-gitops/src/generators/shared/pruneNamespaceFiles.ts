import type { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { removeKustomizationResource } from '../../yaml/kustomization';

/**
 * Deletes the per-namespace files of `dir` that are not `kept` (each
 * checked unedited by `edits`, which says how a file differs from what its
 * generator writes) and their kustomization entries. Returns the
 * namespaces whose file goes.
 */
export function pruneNamespaceFiles(
  builder: ChangeSetBuilder,
  dir: string,
  kept: string[],
  edits: (text: string, file: string, namespace: string) => string | undefined,
): string[] {
  const unlisted = builder.repository
    .listDirectory(dir)
    .filter(name => /\.ya?ml$/.test(name) && !/^kustomization\./.test(name))
    .filter(name => !kept.includes(name));
  for (const name of unlisted)
    builder.deleteOwnedFile(`${dir}/${name}`, text =>
      edits(text, name, name.replace(/\.ya?ml$/, '')),
    );
  if (unlisted.length > 0)
    builder.editYaml(
      `${dir}/kustomization.yaml`,
      `'${dir}/kustomization.yaml' does not exist`,
      doc => unlisted.forEach(name => removeKustomizationResource(doc, name)),
    );
  return unlisted.map(name => name.replace(/\.ya?ml$/, ''));
}
