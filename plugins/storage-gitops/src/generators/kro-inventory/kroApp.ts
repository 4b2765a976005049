import type { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { addStorageApplication } from '../../argocd/storageApplication';
import { SYNC_WAVES } from '../../argocd/syncPolicy';
import { storageAppDir } from '../../layout/paths';
import { renderYaml } from '../../yaml/yamlDocument';
import { writeHelmBase } from '../shared/helmApp';
import type { KroInputs } from './input';

export const KRO_APP = 'kro';

/**
 * kro itself (its chart, from the registry kro publishes it to), so the
 * graph has a controller: `apps/storage/kro/{base,overlays/prod}` and an
 * Application in sync wave -2, before the storage apps and the storage
 * objects that use kro (wave -1).
 */
export function writeKroApp(builder: ChangeSetBuilder, input: KroInputs): void {
  const appDir = storageAppDir(KRO_APP);
  writeHelmBase(builder, {
    appDir,
    title: 'kro: the controller of the drive-inventory graph',
    namespace: input.kro.namespace,
    chart: {
      name: 'kro',
      repo: input.kro.chartRepo,
      version: input.kro.chartVersion,
      includeCRDs: true,
    },
    releaseName: 'kro',
    values: renderYaml(
      {},
      {
        header: `Values of the kro chart ${input.kro.chartVersion}: its defaults. Written by backstage-storage.`,
      },
    ),
  });
  builder.createOrExtendKustomization(
    `${appDir}/overlays/prod/kustomization.yaml`,
    ['../../base'],
    'kro in prod. Written by backstage-storage.',
  );
  addStorageApplication(builder, {
    name: KRO_APP,
    title: 'kro',
    path: `${appDir}/overlays/prod`,
    namespace: input.kro.namespace,
    // Server-side apply: the ResourceGraphDefinition CRD is large.
    syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
    argocd: input.argocd,
    syncWave: SYNC_WAVES.kro,
  });
}
