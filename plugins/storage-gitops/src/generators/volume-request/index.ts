import type { GitopsGenerator } from '../../types';
import { generateVolumeRequest } from './generate';
import { volumeRequestInputSchema, type VolumeRequestInput } from './input';

export type { VolumeRequestInput } from './input';

/** `volume-request`: a developer's PVC with its backup opt-in or waiver. @public */
export const volumeRequestGenerator: GitopsGenerator<VolumeRequestInput> = {
  id: 'volume-request',
  title: 'Volume request',
  description:
    "Adds a PersistentVolumeClaim to a service's kustomization folder (tier → StorageClass, size, access mode) with either the Velero file-system backup opt-in of the workload that mounts it or a backup waiver and its reason.",
  inputSchema: volumeRequestInputSchema,
  generate: generateVolumeRequest,
};
