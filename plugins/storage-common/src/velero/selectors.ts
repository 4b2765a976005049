import {
  formatLabelSelector,
  matchesLabelSelector,
} from '../kube/labelSelector';
import type { BackupScope } from './backupSpec';

/**
 * Whether a backup lists an object with these labels, as Velero's item
 * collector (`listResourceByLabelsPerNamespace`) does: with
 * `orLabelSelectors`, any of them (the singular `labelSelector` is then not
 * used); otherwise `labelSelector` when set; otherwise everything. An empty
 * selector (`{}`) is formatted as `<none>`, which the API server refuses,
 * so nothing is listed.
 * @public
 */
export function matchesBackupSelectors(
  scope: Pick<
    BackupScope,
    'labelSelector' | 'orLabelSelectors' | 'emptySelector'
  >,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (scope.emptySelector) return false;
  if (scope.orLabelSelectors.length > 0) {
    return scope.orLabelSelectors.some(selector =>
      matchesLabelSelector(selector, labels),
    );
  }
  if (scope.labelSelector) {
    return matchesLabelSelector(scope.labelSelector, labels);
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
