import { stringAt } from '../kube/objects';

/** The Kubernetes and Velero kinds the coverage engine reads. @public */
export const RESOURCE_KINDS = [
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
  'Pod',
  'Namespace',
  'Backup',
  'Schedule',
  'BackupStorageLocation',
  'PodVolumeBackup',
  'DataUpload',
  'DeleteBackupRequest',
  'ConfigMap',
  // Restore verification: which backups were restored, and each volume's copy.
  'Restore',
  'PodVolumeRestore',
  'DataDownload',
] as const;

/** @public */
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The API group and plural resource of each kind (for RBAC and list calls). @public */
export const RESOURCE_KIND_INFO: Readonly<
  Record<
    ResourceKind,
    {
      group: string;
      version: string;
      plural: string;
      namespaced: boolean;
      /**
       * `velero`: read only in Velero's namespace (ConfigMaps hold volume
       * policies there; reading every ConfigMap of a cluster would be wrong).
       */
      scope?: 'velero';
    }
  >
> = {
  PersistentVolumeClaim: {
    group: '',
    version: 'v1',
    plural: 'persistentvolumeclaims',
    namespaced: true,
  },
  PersistentVolume: {
    group: '',
    version: 'v1',
    plural: 'persistentvolumes',
    namespaced: false,
  },
  StorageClass: {
    group: 'storage.k8s.io',
    version: 'v1',
    plural: 'storageclasses',
    namespaced: false,
  },
  Pod: { group: '', version: 'v1', plural: 'pods', namespaced: true },
  Namespace: {
    group: '',
    version: 'v1',
    plural: 'namespaces',
    namespaced: false,
  },
  Backup: {
    group: 'velero.io',
    version: 'v1',
    plural: 'backups',
    namespaced: true,
  },
  Schedule: {
    group: 'velero.io',
    version: 'v1',
    plural: 'schedules',
    namespaced: true,
  },
  BackupStorageLocation: {
    group: 'velero.io',
    version: 'v1',
    plural: 'backupstoragelocations',
    namespaced: true,
  },
  PodVolumeBackup: {
    group: 'velero.io',
    version: 'v1',
    plural: 'podvolumebackups',
    namespaced: true,
  },
  DataUpload: {
    group: 'velero.io',
    version: 'v2alpha1',
    plural: 'datauploads',
    namespaced: true,
  },
  DeleteBackupRequest: {
    group: 'velero.io',
    version: 'v1',
    plural: 'deletebackuprequests',
    namespaced: true,
  },
  ConfigMap: {
    group: '',
    version: 'v1',
    plural: 'configmaps',
    namespaced: true,
    scope: 'velero',
  },
  Restore: {
    group: 'velero.io',
    version: 'v1',
    plural: 'restores',
    namespaced: true,
  },
  PodVolumeRestore: {
    group: 'velero.io',
    version: 'v1',
    plural: 'podvolumerestores',
    namespaced: true,
  },
  DataDownload: {
    group: 'velero.io',
    version: 'v2alpha1',
    plural: 'datadownloads',
    namespaced: true,
  },
};

/** Velero kinds without which no claim's verdict can be known. @public */
export const REQUIRED_VELERO_KINDS: readonly ResourceKind[] = [
  'Schedule',
  'Backup',
  'BackupStorageLocation',
  'PodVolumeBackup',
];

/** Core kinds without which no claim's verdict can be known. */
export const REQUIRED_CORE_KINDS: readonly ResourceKind[] = [
  'Pod',
  'PersistentVolume',
];

/**
 * The kind of a raw object, recognised by API group and kind (any version of
 * the group), or undefined for kinds the engine does not read.
 * @public
 */
export function resourceKindOf(raw: unknown): ResourceKind | undefined {
  const kind = stringAt(raw, 'kind');
  const apiVersion = stringAt(raw, 'apiVersion');
  if (!kind || apiVersion === undefined) return undefined;
  if (!Object.prototype.hasOwnProperty.call(RESOURCE_KIND_INFO, kind)) {
    return undefined;
  }
  const { group } = RESOURCE_KIND_INFO[kind as ResourceKind];
  const inGroup = group
    ? apiVersion.length > group.length + 1 &&
      apiVersion.startsWith(group) &&
      apiVersion[group.length] === '/'
    : !apiVersion.includes('/');
  return inGroup ? (kind as ResourceKind) : undefined;
}

/** `plural.group` of a kind, as kubectl and RBAC name it. */
export function resourceName(kind: ResourceKind): string {
  const { plural, group } = RESOURCE_KIND_INFO[kind];
  return group ? `${plural}.${group}` : plural;
}
