import { renderYaml } from '../../yaml/yamlDocument';
import type { VeleroInput } from './input';

type Bsl = VeleroInput['backupStorageLocations'][number];

function bslValues(bsl: Bsl, isDefault: boolean) {
  return {
    name: bsl.name,
    provider: bsl.provider,
    bucket: bsl.bucket,
    ...(bsl.prefix ? { prefix: bsl.prefix } : {}),
    default: isDefault,
    config: {
      region: bsl.region,
      s3ForcePathStyle: String(bsl.s3ForcePathStyle),
      ...(bsl.s3Url ? { s3Url: bsl.s3Url } : {}),
      ...(bsl.publicUrl ? { publicUrl: bsl.publicUrl } : {}),
      ...(bsl.insecureSkipTLSVerify !== undefined
        ? { insecureSkipTLSVerify: String(bsl.insecureSkipTLSVerify) }
        : {}),
    },
  };
}

/** The Velero chart's values.yaml for the validated input. */
export function veleroValues(
  input: VeleroInput,
  derived: {
    defaultBsl: string;
    withSnapshots: boolean;
    veleroVersion: string;
    pluginImage: string;
  },
): string {
  const { defaultBsl, withSnapshots } = derived;
  const schedules = input.schedules ?? [
    {
      name: 'daily',
      schedule: '0 2 * * *',
      ttl: '720h',
      includedNamespaces: ['*'],
    },
  ];
  const values = {
    upgradeCRDs: false,
    initContainers: [
      {
        name: 'velero-plugin-for-aws',
        image: derived.pluginImage,
        imagePullPolicy: 'IfNotPresent',
        volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
      },
    ],
    configuration: {
      backupStorageLocation: input.backupStorageLocations.map(bsl =>
        bslValues(bsl, bsl.name === defaultBsl),
      ),
      volumeSnapshotLocation: withSnapshots
        ? [
            {
              name: 'default',
              provider: input.backupStorageLocations[0].provider,
              config: { region: input.backupStorageLocations[0].region },
            },
          ]
        : [],
      uploaderType: input.uploaderType,
      defaultVolumesToFsBackup: input.defaultVolumesToFsBackup,
    },
    credentials: {
      useSecret: true,
      existingSecret: input.credentials.existingSecret,
    },
    snapshotsEnabled: withSnapshots,
    deployNodeAgent: input.deployNodeAgent,
    ...(input.metricsIngress ? { metrics: { enabled: true } } : {}),
    schedules: Object.fromEntries(
      schedules.map(schedule => [
        schedule.name,
        {
          disabled: false,
          schedule: schedule.schedule,
          useOwnerReferencesInBackup: false,
          template: {
            ttl: schedule.ttl,
            storageLocation: defaultBsl,
            includedNamespaces: schedule.includedNamespaces,
            ...(schedule.excludedNamespaces
              ? { excludedNamespaces: schedule.excludedNamespaces }
              : {}),
            defaultVolumesToFsBackup: true,
            snapshotVolumes: withSnapshots,
          },
        },
      ]),
    ),
  };
  return renderYaml(values, {
    header: [
      `Values of the Velero chart ${input.chart.version} (Velero ${derived.veleroVersion}) for every environment.`,
      'Written by backstage-storage. No secret material here: credentials are a reference.',
    ].join('\n'),
    keyComments: {
      upgradeCRDs:
        'CRDs come from the chart (includeCRDs: true), so the pre-upgrade CRD Job is not needed.',
      initContainers: 'The AWS plugin (S3 and MinIO object storage).',
      'configuration.uploaderType':
        'File-system backup uploader; restic backups are disabled from Velero 1.17.',
      credentials:
        'An existing Secret in this namespace whose key "cloud" holds the AWS credentials file.',
      snapshotsEnabled: withSnapshots
        ? 'Some tier has classes that can be snapshotted.'
        : 'Every tier is file-system-only (local, hostPath, NFS): no volume snapshot locations.',
      deployNodeAgent: 'The node agent runs file-system backups.',
      schedules: `Rendered as Schedule <release>-<name>; each backs up pod volumes with FSB.`,
    },
  });
}
