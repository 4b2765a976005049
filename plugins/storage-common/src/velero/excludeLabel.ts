/**
 * `velero.io/exclude-from-backup`: on a namespace, `prepareBackupRequest`
 * appends it to the Backup's excluded namespaces; on an item (pod, PVC, PV),
 * `itemInclusionChecks` skips it. Only the exact value `true` counts.
 */
export const EXCLUDE_FROM_BACKUP_LABEL = 'velero.io/exclude-from-backup';

export function isExcludedFromBackup(
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  return labels?.[EXCLUDE_FROM_BACKUP_LABEL] === 'true';
}
