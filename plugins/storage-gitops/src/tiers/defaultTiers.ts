import type { TierInput } from './tierInput';

/**
 * The seed's tiers, used when a generator's input gives none: local NVMe
 * (`storage-fast`) and bulk disks (`storage-bulk`) from the Kro drive
 * inventory, node-local paths from local-path-provisioner (`storage-local`),
 * and the only shared tier, NFS (`storage-nfs`), which serves RWX.
 */
export const DEFAULT_TIERS: TierInput[] = [
  {
    name: 'fast',
    title: 'Fast local NVMe',
    storageClasses: ['storage-fast'],
    rpo: { hours: 24 },
    accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
  },
  {
    name: 'bulk',
    title: 'Bulk local disks',
    storageClasses: ['storage-bulk'],
    rpo: { hours: 24 },
    accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
  },
  {
    name: 'local',
    title: 'Node-local path',
    storageClasses: ['storage-local'],
    rpo: { hours: 24 },
    accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
  },
  {
    name: 'nfs',
    title: 'Shared NFS',
    storageClasses: ['storage-nfs'],
    rpo: { hours: 24 },
    accessModes: [
      'ReadWriteOnce',
      'ReadWriteMany',
      'ReadOnlyMany',
      'ReadWriteOncePod',
    ],
  },
];

/** StorageClasses of the seed whose volumes cannot be snapshotted (local, hostPath, NFS). */
export const FILE_SYSTEM_ONLY_CLASSES = [
  'storage-fast',
  'storage-bulk',
  'storage-local',
  'storage-nfs',
];
