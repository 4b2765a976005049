import { renderYaml } from '../../yaml/yamlDocument';
import type { KroInventoryInput } from './input';

/** The DriveInventory instance holding the drives from the input. */
export function driveInventoryInstance(input: KroInventoryInput): string {
  return renderYaml(
    {
      apiVersion: 'kro.run/v1alpha1',
      kind: 'DriveInventory',
      metadata: {
        name: input.inventoryName,
        annotations: {
          // kro creates the DriveInventory CRD only once the graph is accepted.
          'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true',
          'argocd.argoproj.io/sync-wave': '1',
        },
      },
      spec: {
        drives: input.drives.map(drive => ({
          id: drive.id,
          node: drive.node,
          path: drive.path,
          capacity: drive.capacity,
          tier: drive.tier,
        })),
      },
    },
    {
      header:
        'The drives of this cluster (instance of the drive-inventory graph). Written by backstage-storage.',
      keyComments: {
        'metadata.annotations':
          'Synced with its graph: the dry run is skipped while kro has not created the CRD yet.',
      },
    },
  );
}
