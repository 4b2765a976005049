import { addToIndex, objectKey, removeFromIndex } from './indexing';
import type {
  ProjectedBackup,
  ProjectedBsl,
  ProjectedConfigMap,
  ProjectedDeleteRequest,
  ProjectedSchedule,
} from './projections';

/** The kinds VeleroObjects stores. */
export type VeleroStoredKind =
  | 'Backup'
  | 'Schedule'
  | 'BackupStorageLocation'
  | 'DeleteBackupRequest'
  | 'ConfigMap';

function backupTime(backup: ProjectedBackup): number {
  return backup.createdAt ?? backup.startedAt ?? backup.completedAt ?? 0;
}

/**
 * Velero's own objects, stored whole (there are few next to the volumes
 * they copy), by `namespace/name`: Schedules, Backups (and which Schedule
 * made each), BackupStorageLocations, DeleteBackupRequests, and the
 * ConfigMaps of Velero's namespace.
 */
export class VeleroObjects {
  readonly #backups = new Map<string, ProjectedBackup>();
  readonly #backupsBySchedule = new Map<string, Set<string>>();
  /** backupsOfSchedule's answers, dropped when a Backup of that Schedule changes. */
  readonly #sortedScheduleBackups = new Map<string, ProjectedBackup[]>();
  readonly #schedules = new Map<string, ProjectedSchedule>();
  readonly #bsls = new Map<string, ProjectedBsl>();
  readonly #deleteRequests = new Map<string, ProjectedDeleteRequest>();
  readonly #configMaps = new Map<string, ProjectedConfigMap>();

  /** Stores or deletes a Backup; returns the one it replaces, if any. */
  setBackup(
    backup: ProjectedBackup,
    deleted: boolean,
  ): ProjectedBackup | undefined {
    const key = objectKey(backup.namespace, backup.name);
    const old = this.#backups.get(key);
    if (old?.scheduleName) {
      const scheduleKey = objectKey(old.namespace, old.scheduleName);
      removeFromIndex(this.#backupsBySchedule, scheduleKey, key);
      this.#sortedScheduleBackups.delete(scheduleKey);
    }
    if (deleted) {
      this.#backups.delete(key);
    } else {
      this.#backups.set(key, backup);
      if (backup.scheduleName) {
        const scheduleKey = objectKey(backup.namespace, backup.scheduleName);
        addToIndex(this.#backupsBySchedule, scheduleKey, key);
        this.#sortedScheduleBackups.delete(scheduleKey);
      }
    }
    return old;
  }

  /** Stores or deletes a Schedule; returns the one it replaces, if any. */
  setSchedule(
    schedule: ProjectedSchedule,
    deleted: boolean,
  ): ProjectedSchedule | undefined {
    const key = objectKey(schedule.namespace, schedule.name);
    const old = this.#schedules.get(key);
    if (deleted) this.#schedules.delete(key);
    else this.#schedules.set(key, schedule);
    return old;
  }

  setBsl(bsl: ProjectedBsl, deleted: boolean): void {
    const key = objectKey(bsl.namespace, bsl.name);
    if (deleted) this.#bsls.delete(key);
    else this.#bsls.set(key, bsl);
  }

  setDeleteRequest(request: ProjectedDeleteRequest, deleted: boolean): void {
    const key = objectKey(request.namespace, request.name);
    if (deleted) this.#deleteRequests.delete(key);
    else this.#deleteRequests.set(key, request);
  }

  setConfigMap(configMap: ProjectedConfigMap, deleted: boolean): void {
    const key = objectKey(configMap.namespace, configMap.name);
    if (deleted) this.#configMaps.delete(key);
    else this.#configMaps.set(key, configMap);
  }

  schedules(): IterableIterator<ProjectedSchedule> {
    return this.#schedules.values();
  }

  backup(namespace: string, name: string): ProjectedBackup | undefined {
    return this.#backups.get(objectKey(namespace, name));
  }

  backups(): IterableIterator<ProjectedBackup> {
    return this.#backups.values();
  }

  /** Backups a schedule created, newest first. */
  backupsOfSchedule(
    namespace: string,
    schedule: string,
  ): readonly ProjectedBackup[] {
    const key = objectKey(namespace, schedule);
    let sorted = this.#sortedScheduleBackups.get(key);
    if (!sorted) {
      sorted = [...(this.#backupsBySchedule.get(key) ?? [])]
        .map(backupKey => this.#backups.get(backupKey))
        .filter((b): b is ProjectedBackup => b !== undefined)
        .sort(
          (a, b) =>
            backupTime(b) - backupTime(a) || b.name.localeCompare(a.name),
        );
      this.#sortedScheduleBackups.set(key, sorted);
    }
    return sorted;
  }

  backupStorageLocations(): IterableIterator<ProjectedBsl> {
    return this.#bsls.values();
  }

  deleteBackupRequests(): IterableIterator<ProjectedDeleteRequest> {
    return this.#deleteRequests.values();
  }

  configMap(namespace: string, name: string): ProjectedConfigMap | undefined {
    return this.#configMaps.get(objectKey(namespace, name));
  }

  /** Forget every object of a kind (before a relist of it). */
  clear(kind: VeleroStoredKind): void {
    switch (kind) {
      case 'Backup':
        this.#backups.clear();
        this.#backupsBySchedule.clear();
        this.#sortedScheduleBackups.clear();
        break;
      case 'Schedule':
        this.#schedules.clear();
        break;
      case 'BackupStorageLocation':
        this.#bsls.clear();
        break;
      case 'DeleteBackupRequest':
        this.#deleteRequests.clear();
        break;
      case 'ConfigMap':
        this.#configMaps.clear();
        break;
      default:
        break;
    }
  }

  counts(): Record<VeleroStoredKind, number> {
    return {
      Backup: this.#backups.size,
      Schedule: this.#schedules.size,
      BackupStorageLocation: this.#bsls.size,
      DeleteBackupRequest: this.#deleteRequests.size,
      ConfigMap: this.#configMaps.size,
    };
  }
}
