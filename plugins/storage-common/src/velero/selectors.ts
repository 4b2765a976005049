import {
  formatLabelSelector,
  matchesLabelSelector,
} from '../kube/labelSelector';
import type { BackupScope } from './backupSpec';

/**
 * Whether a backup's label selection keeps an object with these labels:
 * `labelSelector` must match, and when `orLabelSelectors` is set at least one
 * of them must. (Velero rejects a spec that sets both.)
 * @public
 */
export function matchesBackupSelectors(
  scope: Pick<BackupScope, 'labelSelector' | 'orLabelSelectors'>,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (
    scope.labelSelector &&
    !matchesLabelSelector(scope.labelSelector, labels)
  ) {
    return false;
  }
  if (scope.orLabelSelectors.length > 0) {
    return scope.orLabelSelectors.some(selector =>
      matchesLabelSelector(selector, labels),
    );
  }
  return true;
}

/** Whether the backup selects by label at all. */
export function hasLabelSelection(
  scope: Pick<BackupScope, 'labelSelector' | 'orLabelSelectors'>,
): boolean {
  return scope.labelSelector !== undefined || scope.orLabelSelectors.length > 0;
}

/** Human text of a backup's label selection. */
export function describeBackupSelectors(
  scope: Pick<BackupScope, 'labelSelector' | 'orLabelSelectors'>,
): string {
  const parts: string[] = [];
  if (scope.labelSelector) parts.push(formatLabelSelector(scope.labelSelector));
  if (scope.orLabelSelectors.length > 0) {
    parts.push(
      scope.orLabelSelectors
        .map(s => `(${formatLabelSelector(s)})`)
        .join(' or '),
    );
  }
  return parts.join('; ');
}
