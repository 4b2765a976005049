/** Where things live in the GitOps repository (DESIGN.md "The GitOps repository"). */
export const REPO_LAYOUT = {
  /** One folder per storage app: `<app>/{base,overlays/prod}`. */
  storageAppsDir: 'apps/storage',
  /** Cluster-wide storage objects (Kro graph, class policies). */
  storageClusterOverlayDir: 'apps/storage/overlays/prod',
  /** The prod app-of-apps folder; lists `storage`. */
  argocdProdApplicationsDir: 'apps/cicd/argocd/overlays/main/applications/prod',
  /** One Argo CD Application per storage app, listed in this folder's kustomization. */
  argocdStorageApplicationsDir:
    'apps/cicd/argocd/overlays/main/applications/prod/storage',
  /** The ConfigMap that must carry `kustomize.buildOptions: --enable-helm`. */
  argocdConfigMapPath: 'apps/cicd/argocd/base/argocd-cm.yaml',
} as const;

/** The app folder of a storage app. */
export function storageAppDir(app: string): string {
  return `${REPO_LAYOUT.storageAppsDir}/${app}`;
}
