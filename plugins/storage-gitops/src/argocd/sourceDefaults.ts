import type { ChangeSetBuilder } from '../changes/ChangeSetBuilder';
import { REPO_LAYOUT } from '../layout/paths';
import { joinRepoPath } from '../repo/repoPath';
import { yamlData } from '../yaml/yamlDocument';

export interface SourceDefaults {
  repoURL?: string;
  targetRevision?: string;
}

/** repoURL and targetRevision of the storage Applications already present. */
export function existingSourceDefaults(
  builder: ChangeSetBuilder,
): SourceDefaults {
  const dir = REPO_LAYOUT.argocdStorageApplicationsDir;
  for (const name of builder.repository.listDirectory(dir)) {
    if (!/\.ya?ml$/.test(name) || name.startsWith('kustomization')) continue;
    const path = joinRepoPath(dir, name);
    const docs = yamlData(builder.read(path) ?? '', path) as Array<
      Record<string, any>
    >;
    const app = docs.find(
      doc => doc?.kind === 'Application' && doc?.spec?.source?.repoURL,
    );
    if (app) {
      return {
        repoURL: app.spec.source.repoURL,
        targetRevision: app.spec.source.targetRevision,
      };
    }
  }
  return {};
}
