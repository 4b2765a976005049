import type { ChangeSet, RepoReader } from '../../types';
import { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { ensureKustomizeEnableHelm } from '../../argocd/enableHelm';
import { REPO_LAYOUT } from '../../layout/paths';
import { DEFAULT_TIERS } from '../../tiers/defaultTiers';
import { GeneratorError } from '../../errors/GeneratorError';
import {
  ensureKustomizationResource,
  removeKustomizationResource,
} from '../../yaml/kustomization';
import {
  ensureLocalVolumeType,
  hostPathClasses,
  LOCAL_PATH_OVERLAY,
  localPathClasses,
} from '../shared/localPathVolumeType';
import { classPolicy } from './classPolicy';
import { driveInventoryGraph } from './graph';
import type { KroInventoryInput } from './input';
import { driveInventoryInstance } from './instance';
import { writeKroApp } from './kroApp';
import { ensureKroHealthChecks } from './kroHealth';

const CLASS_POLICY_FILE = 'storage-class-policy.yaml';

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
  if (input.enforceClassesPerNamespace) files.push(CLASS_POLICY_FILE);

  builder.editKustomization(
    dir,
    'Cluster-wide storage objects are wired into apps/storage/overlays/prod; create it (and its Argo CD Application) first.',
    doc => files.forEach(file => ensureKustomizationResource(doc, file)),
  );
  builder.createFile(`${dir}/${files[0]}`, driveInventoryGraph(tierOfClass));
  builder.createFile(`${dir}/${files[1]}`, driveInventoryInstance(input));
  if (input.enforceClassesPerNamespace)
    builder.createFile(`${dir}/${files[2]}`, classPolicy(tiers));
  else removeClassPolicy(builder, dir, classPolicy(tiers));

  if (input.patchLocalPathVolumeType) {
    if (!repo.isDirectory(LOCAL_PATH_OVERLAY))
      throw new GeneratorError(
        `patchLocalPathVolumeType needs the local-path-provisioner app ('${LOCAL_PATH_OVERLAY}'); set it to false if the cluster has none.`,
        { code: 'missing-parent', file: LOCAL_PATH_OVERLAY },
      );
    ensureLocalVolumeType(
      builder,
      hostPathClasses(repo, [...localPathClasses(repo).keys()]),
    );
  }
  if (input.kro.install) writeKroApp(builder, input);
  ensureKroHealthChecks(builder, input.argocd.configMapPath, 'DriveInventory');
  ensureKustomizeEnableHelm(builder, input.argocd);
  return builder.build(
    `Add the Kro drive inventory '${input.inventoryName}' (${input.drives.length} drive(s))`,
  );
}

/**
 * Day 2: enforcement switched off deletes the policy an earlier run wrote,
 * unless it differs from what this generator writes for these tiers (a
 * human's edit, or other tiers: then the error says to delete it by hand).
 */
function removeClassPolicy(
  builder: ChangeSetBuilder,
  dir: string,
  expected: string,
): void {
  const path = `${dir}/${CLASS_POLICY_FILE}`;
  if (builder.read(path) === undefined) return;
  builder.deleteOwnedFile(path, text =>
    text === expected
      ? undefined
      : 'it differs from the policy kro-inventory writes for these tiers',
  );
  builder.editKustomization(dir, '', doc =>
    removeKustomizationResource(doc, CLASS_POLICY_FILE),
  );
}
