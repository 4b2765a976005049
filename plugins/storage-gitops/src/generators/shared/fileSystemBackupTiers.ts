import { GeneratorError } from '../../errors/GeneratorError';
import type { TierInput } from '../../tiers/tierInput';
import type { RepoReader } from '../../types';
import { hostPathClasses } from './localPathVolumeType';

/**
 * Refuses tiers whose local-path class still provisions hostPath PVs:
 * Velero's file-system backup skips hostPath volumes (the backup still
 * completes), so a Schedule for them would promise what it cannot keep.
 */
export function refuseHostPathTiers(
  repo: RepoReader,
  names: string[],
  tiers: TierInput[],
  field: string,
): void {
  for (const name of names) {
    const tier = tiers.find(t => t.name === name);
    const hostPath = tier ? hostPathClasses(repo, tier.storageClasses) : [];
    if (hostPath.length > 0) {
      throw new GeneratorError(
        `${field}: tier '${name}' uses ${hostPath.join(
          ', ',
        )}, which local-path-provisioner provisions as hostPath volumes; Velero's file-system backup skips them (the backup still completes). ` +
          `Run the velero generator (it sets defaultVolumeType: local on local-path classes) or kro-inventory with patchLocalPathVolumeType first.`,
        { field },
      );
    }
  }
}
