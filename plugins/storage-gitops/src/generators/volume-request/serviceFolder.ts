import type { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { GeneratorError } from '../../errors/GeneratorError';

/** The file a volume request writes its claim to, in the service's folder. */
export function claimFileName(claimName: string): string {
  return `${claimName}-pvc.yaml`;
}

/**
 * The kustomization of the service's folder a volume request writes to
 * (or withdraws from); refused when the folder has none.
 */
export function serviceKustomization(
  builder: ChangeSetBuilder,
  folder: string,
): string {
  const kustomization = builder.findKustomization(folder);
  if (!kustomization) {
    throw new GeneratorError(
      `folder: missing parent kustomization: '${folder}/kustomization.yaml' does not exist; give the service's kustomization folder (e.g. apps/<team>/<service>/base)`,
      {
        code: 'missing-parent',
        field: 'folder',
        file: `${folder}/kustomization.yaml`,
      },
    );
  }
  return kustomization;
}
