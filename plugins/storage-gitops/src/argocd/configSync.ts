import type { ChangeSetBuilder } from '../changes/ChangeSetBuilder';
import { GeneratorError } from '../errors/GeneratorError';
import { REPO_LAYOUT } from '../layout/paths';
import { joinRepoPath, parentOf } from '../repo/repoPath';
import { ensureKustomizationResource } from '../yaml/kustomization';
import { renderYaml } from '../yaml/yamlDocument';
import type { ArgocdInput } from './argocdInput';
import { applicationsUnder, renderedFiles, sourcePaths } from './renderedFiles';
import { existingSourceDefaults } from './sourceDefaults';
import { SYNC_WAVES, syncRetry } from './syncPolicy';

/** The Application that keeps Argo CD's own settings (argocd-cm) synced from git. */
export const SETTINGS_APPLICATION = 'argocd-settings';

/** Names of the Applications of the repository whose render includes `file`. */
export function applicationsRendering(
  builder: ChangeSetBuilder,
  file: string,
): string[] {
  const repo = builder.repository;
  return applicationsUnder(repo, 'apps')
    .filter(app =>
      sourcePaths(app).some(path => renderedFiles(repo, path).has(file)),
    )
    .map(app => String(app.metadata?.name));
}

/**
 * Makes sure a change to argocd-cm reaches the cluster: when no Application
 * renders the ConfigMap's file, adds a self-managed Argo CD settings
 * Application (sync wave -3, before every storage app) in the prod
 * app-of-apps, pointing at the ConfigMap's folder. Without that, the
 * `--enable-helm` build option sits in git and every helmCharts app fails to
 * render.
 */
export function ensureArgocdConfigSynced(
  builder: ChangeSetBuilder,
  argocd: ArgocdInput,
): void {
  const file = argocd.configMapPath;
  if (applicationsRendering(builder, file).length > 0) return;
  const folder = parentOf(file);
  if (!builder.findKustomization(folder)) {
    throw new GeneratorError(
      `No Argo CD Application syncs '${file}', so its kustomize.buildOptions (--enable-helm) would never reach the cluster, and its folder '${folder}' has no kustomization for a settings Application to render. ` +
        `Add '${file}' to a kustomization that an Application syncs (or create '${folder}/kustomization.yaml' listing it), then run the generator again.`,
      {
        code: 'missing-parent',
        file: joinRepoPath(folder, 'kustomization.yaml'),
      },
    );
  }
  const defaults = existingSourceDefaults(builder);
  const repoURL = argocd.repoURL ?? defaults.repoURL;
  if (!repoURL) {
    throw new GeneratorError(
      `argocd.repoURL: required: no Application syncs '${file}' and none in the repository shows which repository Argo CD reads`,
      { code: 'invalid-input', field: 'argocd.repoURL' },
    );
  }
  const application = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: SETTINGS_APPLICATION,
      namespace: argocd.namespace,
      annotations: {
        'argocd.argoproj.io/sync-wave': SYNC_WAVES.argocdSettings,
      },
    },
    spec: {
      project: argocd.project,
      source: {
        repoURL,
        targetRevision:
          argocd.targetRevision ?? defaults.targetRevision ?? 'HEAD',
        path: folder,
      },
      destination: {
        server: argocd.destinationServer,
        namespace: argocd.namespace,
      },
      syncPolicy: {
        // Never prune Argo CD's own settings; only keep them as git says.
        automated: { prune: false, selfHeal: true },
        retry: syncRetry(),
      },
    },
  };
  const dir = REPO_LAYOUT.argocdProdApplicationsDir;
  builder.editKustomization(
    dir,
    'The prod app-of-apps kustomization must exist.',
    doc => ensureKustomizationResource(doc, `${SETTINGS_APPLICATION}.yaml`),
  );
  builder.createFile(
    joinRepoPath(dir, `${SETTINGS_APPLICATION}.yaml`),
    renderYaml(application, {
      header: [
        `Argo CD's own settings (${folder}, argocd-cm): synced from git so that build options`,
        'such as --enable-helm reach the cluster. Before every storage app (sync wave -3).',
        'Written by backstage-storage; listed in ./kustomization.yaml.',
      ].join('\n'),
    }),
  );
}
