import type { ChangeSetBuilder } from '../changes/ChangeSetBuilder';
import { configMapData, setConfigMapData } from '../yaml/configMap';
import type { ArgocdInput } from './argocdInput';
import { ensureArgocdConfigSynced } from './configSync';

const BUILD_OPTIONS = 'kustomize.buildOptions';

/** The build options with `--enable-helm` added once. */
export function withEnableHelm(options: string | undefined): string {
  const flags = (options ?? '').split(/\s+/).filter(flag => flag.length > 0);
  return flags.includes('--enable-helm')
    ? flags.join(' ')
    : [...flags, '--enable-helm'].join(' ');
}

/**
 * Makes sure `argocd-cm` has `kustomize.buildOptions` with `--enable-helm`
 * (kustomize `helmCharts` fail without it), keeping any other flag, and
 * that an Application syncs that ConfigMap (see ensureArgocdConfigSynced).
 */
export function ensureKustomizeEnableHelm(
  builder: ChangeSetBuilder,
  argocd: Pick<ArgocdInput, 'configMapPath'> & Partial<ArgocdInput>,
): void {
  const configMapPath = argocd.configMapPath;
  builder.editYaml(
    configMapPath,
    `'${configMapPath}' (the argocd-cm ConfigMap) does not exist; Argo CD needs kustomize.buildOptions: --enable-helm there to render helmCharts. Give its path as argocd.configMapPath.`,
    doc => {
      const current = configMapData(doc, BUILD_OPTIONS);
      const wanted = withEnableHelm(current);
      if (current !== wanted) setConfigMapData(doc, BUILD_OPTIONS, wanted);
    },
  );
  ensureArgocdConfigSynced(builder, {
    project: 'default',
    destinationServer: 'https://kubernetes.default.svc',
    namespace: 'argocd',
    ...argocd,
  });
}
