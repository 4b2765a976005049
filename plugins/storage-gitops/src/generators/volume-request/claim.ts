import {
  WAIVER_ANNOTATION,
  WAIVER_EXPIRES_ANNOTATION,
} from '@gitops-storage/plugin-storage-common';
import { renderYaml } from '../../yaml/yamlDocument';
import type { VolumeRequestCreate } from './input';

/** The PersistentVolumeClaim of a request, with its waiver when there is one. */
export function claimManifest(
  input: VolumeRequestCreate,
  storageClass: string,
  tierName: string,
  kubernetesId: string | undefined,
): string {
  const annotations = input.waiver
    ? {
        [WAIVER_ANNOTATION]: input.waiver.reason,
        ...(input.waiver.expires
          ? { [WAIVER_EXPIRES_ANNOTATION]: input.waiver.expires }
          : {}),
      }
    : undefined;
  return renderYaml(
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: input.claimName,
        ...(input.namespace ? { namespace: input.namespace } : {}),
        ...(kubernetesId
          ? { labels: { 'backstage.io/kubernetes-id': kubernetesId } }
          : {}),
        ...(annotations ? { annotations } : {}),
      },
      spec: {
        storageClassName: storageClass,
        accessModes: [input.accessMode],
        resources: { requests: { storage: input.size } },
      },
    },
    {
      header: [
        `${input.size} on tier ${tierName} (${storageClass}), ${input.accessMode}.`,
        input.waiver
          ? `Not backed up: waiver${
              input.waiver.expires ? ` until ${input.waiver.expires}` : ''
            }.`
          : `Backed up by Velero file-system backup through ${
              input.backup!.workload.kind
            } ${input.backup!.workload.name}.`,
        'Written by backstage-storage volume-request.',
      ].join('\n'),
    },
  );
}
