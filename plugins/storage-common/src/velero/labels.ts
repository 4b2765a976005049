/**
 * Labels Velero 1.18 puts on what it creates
 * (pkg/apis/velero/v1/labels_annotations.go).
 */
export const SCHEDULE_NAME_LABEL = 'velero.io/schedule-name';
export const BACKUP_NAME_LABEL = 'velero.io/backup-name';
export const RESTORE_NAME_LABEL = 'velero.io/restore-name';
export const PVC_UID_LABEL = 'velero.io/pvc-uid';
