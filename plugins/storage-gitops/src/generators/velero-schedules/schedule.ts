import { renderYaml } from '../../yaml/yamlDocument';

export interface NamespaceSchedule {
  namespace: string;
  tiers: string[];
  rpo: string;
  cron: string;
  ttl: string;
  paused: boolean;
  derived: boolean;
}

/** The Velero Schedule of one namespace: file-system backup of every pod volume. */
export function scheduleManifest(
  schedule: NamespaceSchedule,
  veleroNamespace: string,
  storageLocation: string | undefined,
): string {
  return renderYaml(
    {
      apiVersion: 'velero.io/v1',
      kind: 'Schedule',
      metadata: {
        name: `ns-${schedule.namespace}`,
        namespace: veleroNamespace,
        labels: {
          'gitops-storage.dev/backup-namespace': schedule.namespace,
          'gitops-storage.dev/tier': schedule.tiers.join('_'),
        },
      },
      spec: {
        schedule: schedule.cron,
        paused: schedule.paused,
        useOwnerReferencesInBackup: false,
        template: {
          includedNamespaces: [schedule.namespace],
          defaultVolumesToFsBackup: true,
          snapshotVolumes: false,
          ...(storageLocation ? { storageLocation } : {}),
          ttl: schedule.ttl,
        },
      },
    },
    {
      header: [
        `Backups of namespace ${
          schedule.namespace
        } (tiers: ${schedule.tiers.join(', ')}; RPO ${schedule.rpo}).`,
        schedule.derived
          ? 'Cron and TTL derived from the RPO: every half RPO at most, kept for thirty RPOs (72h–2160h).'
          : 'Cron and/or TTL set explicitly in the generator input.',
        'Written by backstage-storage.',
      ].join('\n'),
      keyComments: {
        'spec.template.defaultVolumesToFsBackup':
          'File-system backup of every pod volume (local and NFS volumes cannot be snapshotted).',
      },
    },
  );
}
