import type { ChangeSetBuilder } from '../changes/ChangeSetBuilder';
import { GeneratorError } from '../errors/GeneratorError';
import { REPO_LAYOUT } from '../layout/paths';
import { joinRepoPath } from '../repo/repoPath';
import { ensureKustomizationResource } from '../yaml/kustomization';
import { renderYaml } from '../yaml/yamlDocument';
import type { ArgocdInput } from './argocdInput';
import { existingSourceDefaults } from './sourceDefaults';
import { SYNC_WAVES, syncRetry } from './syncPolicy';

/** An Argo CD Application for one storage app. */
export interface StorageApplication {
  /** Application name and file name (`<name>.yaml`). */
  name: string;
  /** What it is, for the file's header comment. */
  title: string;
  /** Repository path Argo CD renders (an overlay). */
  path: string;
  /** Destination namespace. */
  namespace: string;
  syncOptions: string[];
  argocd: ArgocdInput;
  /** Sync wave in the app-of-apps; default: storage (-1), before the services. */
  syncWave?: string;
}

/**
 * Writes `<storage applications>/<name>.yaml` and lists it in that folder's
 * kustomization, and makes sure the prod app-of-apps lists the storage folder.
 */
export function addStorageApplication(
  builder: ChangeSetBuilder,
  app: StorageApplication,
): void {
  const dir = REPO_LAYOUT.argocdStorageApplicationsDir;
  const defaults = existingSourceDefaults(builder);
  const repoURL = app.argocd.repoURL ?? defaults.repoURL;
  if (!repoURL) {
    throw new GeneratorError(
      `argocd.repoURL: required, because no Application in '${dir}' shows which repository Argo CD reads`,
      { code: 'invalid-input', field: 'argocd.repoURL' },
    );
  }
  const application = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: app.name,
      namespace: app.argocd.namespace,
      annotations: {
        'argocd.argoproj.io/sync-wave': app.syncWave ?? SYNC_WAVES.storage,
      },
      // Deleting the Application deletes what it deployed.
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: app.argocd.project,
      source: {
        repoURL,
        targetRevision:
          app.argocd.targetRevision ?? defaults.targetRevision ?? 'HEAD',
        path: app.path,
      },
      destination: {
        server: app.argocd.destinationServer,
        namespace: app.namespace,
      },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: app.syncOptions,
        retry: syncRetry(),
      },
    },
  };
  builder.editKustomization(
    dir,
    'The app-of-apps folder for storage Applications must exist before storage apps are added.',
    doc => ensureKustomizationResource(doc, `${app.name}.yaml`),
  );
  builder.createFile(
    joinRepoPath(dir, `${app.name}.yaml`),
    renderYaml(application, {
      header: `${app.title}: Argo CD renders ${app.path}.\nWritten by backstage-storage; listed in ./kustomization.yaml.`,
    }),
  );
  builder.editKustomization(
    REPO_LAYOUT.argocdProdApplicationsDir,
    'The prod app-of-apps kustomization must exist.',
    doc => ensureKustomizationResource(doc, 'storage'),
  );
}
