import type { ChangeSet, RepoReader } from '../../types';
import { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { DEFAULT_TIERS } from '../../tiers/defaultTiers';
import {
  ensureKustomizationPatch,
  ensureKustomizationResource,
} from '../../yaml/kustomization';
import { backupPatchFile, planOptIn, writeBackupPatch } from './backupPatch';
import { claimManifest } from './claim';
import type { VolumeRequestCreate, VolumeRequestInput } from './input';
import { claimFileName, serviceKustomization } from './serviceFolder';
import { withdrawVolumeRequest } from './withdraw';
import { chooseClass } from './tierChoice';
import { findWorkload } from './workload';

/** A developer's PVC in the service's folder, with its backup opt-in or waiver. */
export function generateVolumeRequest(
  repo: RepoReader,
  request: VolumeRequestInput,
): ChangeSet {
  if (request.withdraw) return withdrawVolumeRequest(repo, request);
  // The schema requires tier and size unless withdrawing.
  const input = request as VolumeRequestCreate;
  const { tier, storageClass } = chooseClass(
    input,
    input.tiers ?? DEFAULT_TIERS,
  );
  const builder = new ChangeSetBuilder(repo, 'volume-request');
  const kustomization = serviceKustomization(builder, input.folder);
  const claimFile = claimFileName(input.claimName);
  let patchFile: string | undefined;
  let kubernetesId: string | undefined;
  const target = input.backup?.workload ?? input.waiver?.workload;
  if (target) {
    const workload = findWorkload(
      builder,
      input.folder,
      kustomization,
      target.kind,
      target.name,
    );
    kubernetesId = workload.labels['backstage.io/kubernetes-id'];
    writeBackupPatch(
      builder,
      input.folder,
      workload,
      planOptIn(input, workload),
    );
    patchFile = backupPatchFile(workload);
  }
  builder.createFile(
    `${input.folder}/${claimFile}`,
    claimManifest(input, storageClass, tier.name, kubernetesId),
  );
  builder.editKustomization(input.folder, '', doc => {
    ensureKustomizationResource(doc, claimFile);
    if (patchFile) ensureKustomizationPatch(doc, { path: patchFile });
  });
  const protection = input.waiver ? ' with a backup waiver' : ', backed up';
  return builder.build(
    `Request ${input.size} ${input.accessMode} volume '${input.claimName}' (tier ${tier.name}) in ${input.folder}${protection}`,
  );
}
