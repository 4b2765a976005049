import {
  arrayAt,
  isRecord,
  recordAt,
  requireName,
  requireNamespace,
  stringAt,
  stringMapAt,
  stringsAt,
} from '../kube/objects';
import { parseRfc3339 } from '../kube/time';
import { RESTORE_NAME_LABEL } from '../velero/labels';
import { createInterner } from './intern';
import {
  TIER_LABEL,
  WAIVER_ANNOTATION,
  WAIVER_EXPIRES_ANNOTATION,
} from '../model';
import type {
  PodClaimMount,
  ProjectedClaim,
  ProjectedNamespace,
  ProjectedPod,
  ProjectedStorageClass,
  ProjectedVolume,
} from './projections';

/** Velero's pod annotations for file-system backup. */
export const BACKUP_VOLUMES_ANNOTATION = 'backup.velero.io/backup-volumes';
export const BACKUP_VOLUMES_EXCLUDES_ANNOTATION =
  'backup.velero.io/backup-volumes-excludes';

/**
 * Access-mode lists repeat across claims (a handful of combinations): keep
 * one array of each, read-only.
 */
const modeLists = new Map<string, string[]>();
function sharedModes(modes: string[]): string[] {
  const key = modes.join(',');
  let shared = modeLists.get(key);
  if (!shared) {
    shared = Object.freeze([...modes]) as unknown as string[];
    if (modeLists.size < 64) modeLists.set(key, shared);
  }
  return shared;
}

/** Node names repeat across pods: keep one copy of each. */
const internNode = createInterner();

const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

/** A time field of a raw object, in ms; Date values from YAML 1.1 count too. */
export function timeAt(parent: unknown, key: string): number | undefined {
  if (!isRecord(parent)) return undefined;
  const value = parent[key];
  if (value instanceof Date) return value.getTime();
  return typeof value === 'string' ? parseRfc3339(value) : undefined;
}

function uidOf(raw: unknown): string {
  return stringAt(recordAt(raw, 'metadata'), 'uid') ?? '';
}

function nonEmpty(text: string | undefined): string | undefined {
  return text ? text : undefined;
}

/** @public */
export function projectClaim(raw: unknown): ProjectedClaim {
  const name = requireName(raw);
  const namespace = requireNamespace(raw);
  const metadata = recordAt(raw, 'metadata');
  const annotations = stringMapAt(metadata, 'annotations');
  const spec = recordAt(raw, 'spec');
  const status = recordAt(raw, 'status');
  const statusModes = stringsAt(status, 'accessModes');
  const claim: ProjectedClaim = {
    namespace,
    name,
    uid: uidOf(raw),
    labels: stringMapAt(metadata, 'labels'),
    storageClassName: nonEmpty(stringAt(spec, 'storageClassName')),
    volumeName: nonEmpty(stringAt(spec, 'volumeName')),
    phase: stringAt(status, 'phase'),
    capacity:
      stringAt(recordAt(status, 'capacity'), 'storage') ??
      stringAt(recordAt(recordAt(spec, 'resources'), 'requests'), 'storage'),
    accessModes: sharedModes(
      statusModes.length > 0 ? statusModes : stringsAt(spec, 'accessModes'),
    ),
    waiver: annotations[WAIVER_ANNOTATION]?.trim() || undefined,
    waiverExpires: annotations[WAIVER_EXPIRES_ANNOTATION]?.trim() || undefined,
    volumeTypeAnnotation: annotations.volumeType,
    createdAt: timeAt(metadata, 'creationTimestamp'),
    ...(deletionRequested(metadata) ? { deleting: true } : {}),
    ...(restoreName(metadata) ? { restoredBy: restoreName(metadata) } : {}),
  };
  return claim;
}

function deletionRequested(metadata: unknown): boolean {
  return (
    isRecord(metadata) &&
    metadata.deletionTimestamp !== undefined &&
    metadata.deletionTimestamp !== null
  );
}

function restoreName(metadata: unknown): string | undefined {
  return nonEmpty(stringMapAt(metadata, 'labels')[RESTORE_NAME_LABEL]);
}

/** Velero's `getVolumeTypeFromPV` order: the first source set names the type. */
const PV_TYPES = [
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'csi',
  'fc',
  'flocker',
  'flexVolume',
  'gcePersistentDisk',
  'glusterfs',
  'hostPath',
  'iscsi',
  'local',
  'nfs',
  'photonPersistentDisk',
  'portworxVolume',
  'quobyte',
  'rbd',
  'scaleIO',
  'storageos',
  'vsphereVolume',
] as const;

function volumeTypeOf(spec: Record<string, unknown>): string | undefined {
  return PV_TYPES.find(type => isRecord(spec[type]));
}

function volumeSourceOf(
  spec: Record<string, unknown>,
): ProjectedVolume['source'] {
  if (isRecord(spec.csi)) return 'csi';
  if (isRecord(spec.nfs)) return 'nfs';
  if (isRecord(spec.local)) return 'local';
  if (isRecord(spec.hostPath)) return 'hostPath';
  return 'other';
}

/** @public */
export function projectVolume(raw: unknown): ProjectedVolume {
  const name = requireName(raw);
  const spec = recordAt(raw, 'spec');
  const claimRef = recordAt(spec, 'claimRef');
  const claimName = stringAt(claimRef, 'name');
  const claimNamespace = stringAt(claimRef, 'namespace');
  return {
    name,
    source: volumeSourceOf(spec),
    storageClassName: nonEmpty(stringAt(spec, 'storageClassName')),
    claimRef:
      claimName && claimNamespace
        ? {
            namespace: claimNamespace,
            name: claimName,
            uid: stringAt(claimRef, 'uid'),
          }
        : undefined,
    capacity: stringAt(recordAt(spec, 'capacity'), 'storage'),
    csiDriver: stringAt(recordAt(spec, 'csi'), 'driver'),
    ...(isRecord(spec.csi)
      ? { csiVolumeAttributes: stringMapAt(spec.csi, 'volumeAttributes') }
      : {}),
    ...(isRecord(spec.nfs)
      ? {
          nfs: {
            server: stringAt(spec.nfs, 'server'),
            path: stringAt(spec.nfs, 'path'),
          },
        }
      : {}),
    volumeType: volumeTypeOf(spec),
    ...(deletionRequested(recordAt(raw, 'metadata')) ? { deleting: true } : {}),
    phase: stringAt(recordAt(raw, 'status'), 'phase'),
  };
}

/** @public */
export function projectStorageClass(raw: unknown): ProjectedStorageClass {
  const name = requireName(raw);
  const metadata = recordAt(raw, 'metadata');
  const annotations = stringMapAt(metadata, 'annotations');
  return {
    name,
    provisioner: stringAt(raw, 'provisioner'),
    tierLabel: nonEmpty(stringMapAt(metadata, 'labels')[TIER_LABEL]),
    defaultVolumeType: annotations.defaultVolumeType,
    isDefault: annotations[DEFAULT_CLASS_ANNOTATION] === 'true',
  };
}

/** Shared by every pod without the annotation (nothing mutates it). */
const NO_VOLUMES: string[] = Object.freeze([]) as unknown as string[];

/**
 * Velero's `GetVolumesToBackup` / `GetVolumesToExclude`: a plain split on
 * commas, no trimming, so `"data, logs"` names `data` and ` logs`.
 */
function splitAnnotation(text: string | undefined): string[] {
  return text ? text.split(',') : NO_VOLUMES;
}

/** Names of the volumes the pod's containers mount, and attach as devices. */
function containerUse(spec: unknown): {
  mounts: Set<string>;
  devices: Set<string>;
} {
  const mounts = new Set<string>();
  const devices = new Set<string>();
  for (const container of arrayAt(spec, 'containers')) {
    for (const m of arrayAt(container, 'volumeMounts')) {
      const name = stringAt(m, 'name');
      if (name) mounts.add(name);
    }
    for (const d of arrayAt(container, 'volumeDevices')) {
      const name = stringAt(d, 'name');
      if (name) devices.add(name);
    }
  }
  return { mounts, devices };
}

/** @public */
export function projectPod(raw: unknown): ProjectedPod {
  const name = requireName(raw);
  const namespace = requireNamespace(raw);
  const metadata = recordAt(raw, 'metadata');
  const annotations = stringMapAt(metadata, 'annotations');
  const claimMounts: PodClaimMount[] = [];
  const spec = recordAt(raw, 'spec');
  const use = containerUse(spec);
  const flags = (volumeName: string) => ({
    ...(use.mounts.has(volumeName) ? { mounted: true } : {}),
    ...(use.devices.has(volumeName) ? { block: true } : {}),
  });
  for (const volume of arrayAt(spec, 'volumes')) {
    const volumeName = stringAt(volume, 'name');
    if (!volumeName) continue;
    const claimName = stringAt(
      recordAt(volume, 'persistentVolumeClaim'),
      'claimName',
    );
    if (claimName) {
      claimMounts.push({ volumeName, claimName, ...flags(volumeName) });
    } else if (isRecord(isRecord(volume) ? volume.ephemeral : undefined)) {
      // A generic ephemeral volume is a PVC named after the pod and volume.
      claimMounts.push({
        volumeName,
        claimName: `${name}-${volumeName}`,
        ...flags(volumeName),
      });
    }
  }
  const optIn = annotations[BACKUP_VOLUMES_ANNOTATION];
  return {
    namespace,
    name,
    uid: uidOf(raw),
    labels: stringMapAt(metadata, 'labels'),
    phase: stringAt(recordAt(raw, 'status'), 'phase'),
    claimMounts,
    ...(optIn !== undefined ? { backupVolumes: splitAnnotation(optIn) } : {}),
    backupVolumesExcludes: splitAnnotation(
      annotations[BACKUP_VOLUMES_EXCLUDES_ANNOTATION],
    ),
    ...(nonEmpty(stringAt(spec, 'nodeName'))
      ? { nodeName: internNode(stringAt(spec, 'nodeName') as string) }
      : {}),
    ...(deletionRequested(metadata) ? { deleting: true } : {}),
  };
}

/** @public */
export function projectNamespace(raw: unknown): ProjectedNamespace {
  return {
    name: requireName(raw),
    labels: stringMapAt(recordAt(raw, 'metadata'), 'labels'),
    phase: stringAt(recordAt(raw, 'status'), 'phase'),
  };
}
