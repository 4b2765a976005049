import { renderYaml } from '../../yaml/yamlDocument';
import { cadenceComment } from '../shared/planFile';
import type { NamespaceSchedule } from '../shared/schedulePlan';

export type { NamespaceSchedule } from '../shared/schedulePlan';

/** Labels that name the namespace and tiers a Schedule backs up. */
export const BACKUP_NAMESPACE_LABEL = 'gitops-storage.dev/backup-namespace';
export const TIER_LABEL = 'gitops-storage.dev/tier';

/**
 * The Velero Schedule of one namespace as data: file-system backup of every
 * pod volume. Both the static files and kro's BackupPolicy graph emit it.
 */
export function scheduleObject(
  schedule: NamespaceSchedule,
  veleroNamespace: string,
  storageLocation: string | undefined,
): Record<string, unknown> {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: {
      name: `ns-${schedule.namespace}`,
      namespace: veleroNamespace,
      labels: {
        [BACKUP_NAMESPACE_LABEL]: schedule.namespace,
        ...(schedule.tiers.length > 0
          ? { [TIER_LABEL]: schedule.tiers.join('_') }
          : {}),
      },
    },
    spec: {
      schedule: schedule.cron,
      paused: schedule.paused,
      useOwnerReferencesInBackup: false,
      template: {
        includedNamespaces: [schedule.namespace],
        ...(schedule.matchLabels
          ? { labelSelector: { matchLabels: schedule.matchLabels } }
          : {}),
        defaultVolumesToFsBackup: true,
        snapshotVolumes: false,
        ...(storageLocation ? { storageLocation } : {}),
        ttl: schedule.ttl,
      },
    },
  };
}

/** The Velero Schedule of one namespace: file-system backup of every pod volume. */
export function scheduleManifest(
  schedule: NamespaceSchedule,
  veleroNamespace: string,
  storageLocation: string | undefined,
): string {
  return renderYaml(
    scheduleObject(schedule, veleroNamespace, storageLocation),
    {
      header: [
        `Backups of namespace ${
          schedule.namespace
        } (tiers: ${schedule.tiers.join(', ')}; RPO ${schedule.rpo}).`,
        cadenceComment(schedule.derived),
        'Written by backstage-storage.',
      ].join('\n'),
      keyComments: {
        'spec.template.defaultVolumesToFsBackup':
          'File-system backup of every pod volume (local and NFS volumes cannot be snapshotted).',
      },
    },
  );
}
