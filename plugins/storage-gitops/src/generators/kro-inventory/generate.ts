import type { ChangeSet, RepoReader } from '../../types';
import { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { ensureKustomizeEnableHelm } from '../../argocd/enableHelm';
import { REPO_LAYOUT, storageAppDir } from '../../layout/paths';
import { DEFAULT_TIERS } from '../../tiers/defaultTiers';
import {
  ensureKustomizationPatch,
  ensureKustomizationResource,
} from '../../yaml/kustomization';
import { renderYaml } from '../../yaml/yamlDocument';
import { classPolicy } from './classPolicy';
import { driveInventoryGraph } from './graph';
import type { KroInventoryInput } from './input';
import { driveInventoryInstance } from './instance';

const LOCAL_PATH_OVERLAY = `${storageAppDir(
  'local-path-provisioner',
)}/overlays/prod`;
const VOLUME_TYPE_PATCH = 'storage-local-volume-type.yaml';

function localVolumeTypePatch(): string {
  return renderYaml(
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'storage-local',
        annotations: { defaultVolumeType: 'local' },
      },
    },
    {
      header: [
        'storage-local provisions `local` PVs instead of hostPath ones: Velero file-system',
        'backup skips hostPath volumes but backs up local ones. Written by backstage-storage.',
      ].join('\n'),
    },
  );
}

/** The drive-inventory graph, its instance and the class wiring of the cluster. */
export function generateKroInventory(
  repo: RepoReader,
  input: KroInventoryInput,
): ChangeSet {
  const builder = new ChangeSetBuilder(repo, 'kro-inventory');
  const tiers = input.tiers ?? DEFAULT_TIERS;
  const tierOfClass = (storageClass: string) =>
    tiers.find(tier => tier.storageClasses.includes(storageClass))?.name;
  const dir = REPO_LAYOUT.storageClusterOverlayDir;
  const files = [
    'drive-inventory-graph.yaml',
    `drive-inventory-${input.inventoryName}.yaml`,
  ];
  if (input.enforceClassesPerNamespace) files.push('storage-class-policy.yaml');

  builder.editKustomization(
    dir,
    'Cluster-wide storage objects are wired into apps/storage/overlays/prod; create it (and its Argo CD Application) first.',
    doc => files.forEach(file => ensureKustomizationResource(doc, file)),
  );
  builder.createFile(`${dir}/${files[0]}`, driveInventoryGraph(tierOfClass));
  builder.createFile(`${dir}/${files[1]}`, driveInventoryInstance(input));
  if (input.enforceClassesPerNamespace)
    builder.createFile(`${dir}/${files[2]}`, classPolicy(tiers));

  if (input.patchLocalPathVolumeType) {
    builder.editKustomization(
      LOCAL_PATH_OVERLAY,
      'patchLocalPathVolumeType needs the local-path-provisioner app; set it to false if the cluster has none.',
      doc => ensureKustomizationPatch(doc, { path: VOLUME_TYPE_PATCH }),
    );
    builder.createFile(
      `${LOCAL_PATH_OVERLAY}/${VOLUME_TYPE_PATCH}`,
      localVolumeTypePatch(),
    );
  }
  ensureKustomizeEnableHelm(builder, input.argocd.configMapPath);
  return builder.build(
    `Add the Kro drive inventory '${input.inventoryName}' (${input.drives.length} drive(s))`,
  );
}
