import { InvalidObjectError, describeObject } from '../kube/objects';
import {
  projectClaim,
  projectNamespace,
  projectPod,
  projectStorageClass,
  projectVolume,
} from './projectCore';
import {
  projectDataDownload,
  projectPodVolumeRestore,
  projectRestore,
} from './projectRestore';
import {
  projectBackup,
  projectBsl,
  projectConfigMap,
  projectDataUpload,
  projectDeleteRequest,
  projectPodVolumeBackup,
  projectSchedule,
} from './projectVelero';
import type { ResourceKind } from './resourceKinds';

/**
 * Projects an object of any kind the engine reads, to validate it before
 * anything is changed: throws InvalidObjectError when it is malformed.
 */
export function projectObject(kind: ResourceKind, object: unknown): unknown {
  switch (kind) {
    case 'PersistentVolumeClaim':
      return projectClaim(object);
    case 'PersistentVolume':
      return projectVolume(object);
    case 'StorageClass':
      return projectStorageClass(object);
    case 'Pod':
      return projectPod(object);
    case 'Namespace':
      return projectNamespace(object);
    case 'Backup':
      return projectBackup(object);
    case 'Schedule':
      return projectSchedule(object);
    case 'BackupStorageLocation':
      return projectBsl(object);
    case 'PodVolumeBackup':
      return projectPodVolumeBackup(object);
    case 'DataUpload':
      return projectDataUpload(object);
    case 'DeleteBackupRequest':
      return projectDeleteRequest(object);
    case 'ConfigMap':
      return projectConfigMap(object);
    case 'Restore':
      return projectRestore(object);
    case 'PodVolumeRestore':
      return projectPodVolumeRestore(object);
    case 'DataDownload':
      return projectDataDownload(object);
    default:
      throw new InvalidObjectError(
        `unsupported kind in ${describeObject(object)}`,
      );
  }
}
