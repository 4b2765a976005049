import {
  DEFAULT_TIERS,
  FILE_SYSTEM_ONLY_CLASSES,
} from '../../tiers/defaultTiers';
import type { TierInput } from '../../tiers/tierInput';

/**
 * Whether Velero should keep volume snapshot locations: `auto` turns them
 * off when every class of every tier is file-system-only (local, hostPath
 * and NFS volumes cannot be snapshotted; FSB is the only way to back them up).
 */
export function snapshotsEnabled(
  mode: 'auto' | 'enabled' | 'disabled',
  tiers: TierInput[] = DEFAULT_TIERS,
  fileSystemOnlyClasses: string[] = FILE_SYSTEM_ONLY_CLASSES,
): boolean {
  if (mode !== 'auto') return mode === 'enabled';
  const fsOnly = new Set(fileSystemOnlyClasses);
  return !tiers.every(tier =>
    tier.storageClasses.every(storageClass => fsOnly.has(storageClass)),
  );
}
