import {
  backupOutcome,
  isFinishedBackup,
  isRestorableBackup,
  volumeBackupOutcome,
} from './phases';

describe('backupOutcome (velerov1api BackupPhase, backup_controller.go)', () => {
  it.each([
    [undefined, 'in-progress', false, false],
    ['New', 'in-progress', false, false],
    ['Queued', 'in-progress', false, false],
    ['ReadyToStart', 'in-progress', false, false],
    ['InProgress', 'in-progress', false, false],
    ['WaitingForPluginOperations', 'in-progress', false, false],
    ['WaitingForPluginOperationsPartiallyFailed', 'in-progress', false, false],
    ['Finalizing', 'in-progress', false, false],
    ['FinalizingPartiallyFailed', 'in-progress', false, false],
    ['Completed', 'completed', true, true],
    ['PartiallyFailed', 'partially-failed', true, true],
    ['Failed', 'failed', false, true],
    ['FailedValidation', 'failed', false, true],
    ['Deleting', 'deleting', false, false],
    ['Exploded', 'unrecognized', false, false],
  ])('%s is %s', (phase, outcome, restorable, finished) => {
    expect(backupOutcome(phase)).toBe(outcome);
    expect(isRestorableBackup(phase)).toBe(restorable);
    expect(isFinishedBackup(phase)).toBe(finished);
  });
});

describe('volumeBackupOutcome (PodVolumeBackup / DataUpload, Velero 1.17+)', () => {
  it.each([
    [undefined, 'in-progress'],
    ['New', 'in-progress'],
    ['Accepted', 'in-progress'],
    ['Prepared', 'in-progress'],
    ['InProgress', 'in-progress'],
    ['Canceling', 'in-progress'],
    ['Canceled', 'failed'],
    ['Completed', 'completed'],
    ['Failed', 'failed'],
    ['Weird', 'unrecognized'],
  ])('%s is %s', (phase, outcome) => {
    expect(volumeBackupOutcome(phase)).toBe(outcome);
  });
});
