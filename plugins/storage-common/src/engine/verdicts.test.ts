import type { Verdict } from '../model';
import type { ClusterState } from '../state/ClusterState';
import * as k from '../testing/objects';
import { codes, evaluateScenario, type Scenario } from '../testing/scenario';
import type { EvaluationContext } from './context';

type Row = [
  string,
  Partial<Scenario>,
  Verdict,
  string[],
  Partial<EvaluationContext>?,
  ((s: ClusterState) => void)?,
];

/** The verdict and reason codes a row gets, and the ones it should get. */
function outcome([, changes, verdict, expectedCodes, ctx, prepare]: Row) {
  const coverage = evaluateScenario(changes, ctx, prepare);
  return {
    actual: { verdict: coverage.verdict, codes: codes(coverage) },
    expected: { verdict, codes: expectedCodes },
  };
}

/** An older good copy (20 hours ago) plus a newer backup `daily-2` in some state. */
function withNewerBackup(
  backupPhase: string,
  pvbPhase: string | undefined,
): Partial<Scenario> {
  return {
    backups: [
      k.backup({
        name: 'daily-1',
        schedule: 'daily',
        started: k.hoursAgo(20.5),
        completed: k.hoursAgo(20),
      }),
      k.backup({
        name: 'daily-2',
        schedule: 'daily',
        phase: backupPhase,
        started: k.hoursAgo(1),
        ...(backupPhase === 'Completed' ||
        backupPhase === 'PartiallyFailed' ||
        backupPhase === 'Failed'
          ? { completed: k.hoursAgo(0.5) }
          : {}),
      }),
    ],
    podVolumeBackups: [
      k.pvb({
        backup: 'daily-1',
        started: k.hoursAgo(20.4),
        completed: k.hoursAgo(20.2),
      }),
      ...(pvbPhase
        ? [
            k.pvb({
              backup: 'daily-2',
              phase: pvbPhase,
              started: k.hoursAgo(0.9),
              message:
                pvbPhase === 'Failed'
                  ? 'error running kopia: i/o timeout'
                  : undefined,
            }),
          ]
        : []),
    ],
  };
}

describe('evidence of a backup of this volume (PodVolumeBackup pvc-uid label: podvolume newPodVolumeBackup)', () => {
  it.each<Row>([
    ['PodVolumeBackup labelled with the PVC uid', {}, 'protected', []],
    [
      'PodVolumeBackup without the uid label: pod + volume name',
      { podVolumeBackups: [k.pvb({ backup: 'daily-1', pvcUid: null })] },
      'protected',
      [],
    ],
    [
      'PodVolumeBackup of another PVC',
      { podVolumeBackups: [k.pvb({ backup: 'daily-1', pvcUid: 'uid-other' })] },
      'stale',
      ['never-backed-up'],
    ],
    [
      'PodVolumeBackup of another pod volume',
      {
        podVolumeBackups: [
          k.pvb({ backup: 'daily-1', pvcUid: null, volume: 'cache' }),
        ],
      },
      'stale',
      ['never-backed-up'],
    ],
    [
      // The Backup object is gone (deleted with its data): the orphaned
      // record is not evidence, and the volume did have a copy once.
      'PodVolumeBackup whose Backup is unknown',
      { backups: [] },
      'stale',
      ['backup-being-deleted'],
    ],
    [
      'no PodVolumeBackup in a Completed backup',
      { podVolumeBackups: [] },
      'stale',
      ['never-backed-up'],
    ],
    [
      'PodVolumeBackup in another Velero namespace',
      { podVolumeBackups: [k.pvb({ backup: 'daily-1', namespace: 'other' })] },
      'stale',
      ['never-backed-up'],
      { veleroNamespace: 'velero' },
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it('calls out a Completed backup that skipped the volume', () => {
    const coverage = evaluateScenario({ podVolumeBackups: [] });
    expect(coverage.reasons[0].message).toMatch(
      /Backup "daily-1" completed without copying it/,
    );
    const newClaim = evaluateScenario({
      podVolumeBackups: [],
      claims: [k.pvc({ created: k.hoursAgo(1) })],
    });
    expect(newClaim.reasons[0].message).not.toMatch(
      /completed without copying it/,
    );
    // Velero's getNextRunTime: the first run since the claim was created
    // is not due yet, so the volume is awaiting its first backup.
    expect(newClaim.reasons[0].code).toBe('awaiting-first-backup');
    expect(newClaim.backupStatus).toBe('awaiting-first-backup');
    expect(coverage.backupStatus).toBe('never-backed-up');
  });

  it('reports the last success and last attempt with backup, phase, schedule and method', () => {
    const coverage = evaluateScenario(
      withNewerBackup('InProgress', 'InProgress'),
    );
    expect(coverage.lastSuccessfulBackup).toEqual({
      time: k.hoursAgo(20.2),
      backup: 'daily-1',
      phase: 'Completed',
      schedule: 'daily',
      method: 'fs-backup',
      outcome: 'completed',
    });
    expect(coverage.lastAttempt).toEqual({
      time: k.hoursAgo(0.9),
      backup: 'daily-2',
      phase: 'InProgress',
      schedule: 'daily',
      method: 'fs-backup',
      outcome: 'in-progress',
    });
  });
});

describe('backup phases (Velero 1.17/1.18; backup_controller.go, backup_finalizer_controller.go)', () => {
  it.each<Row>([
    ['Completed', withNewerBackup('Completed', 'Completed'), 'protected', []],
    [
      'PartiallyFailed, with this volume copied',
      withNewerBackup('PartiallyFailed', 'Completed'),
      'protected',
      [],
    ],
    [
      'PartiallyFailed, without a copy of this volume',
      withNewerBackup('PartiallyFailed', undefined),
      'failing',
      ['backup-failed'],
    ],
    [
      'Failed',
      withNewerBackup('Failed', 'Completed'),
      'failing',
      ['backup-failed'],
    ],
    [
      'FailedValidation',
      withNewerBackup('FailedValidation', undefined),
      'failing',
      ['backup-failed'],
    ],
    // Running Backups are neither evidence nor failure: the older copy
    // still protects, and the run is noted.
    [
      'New',
      withNewerBackup('New', undefined),
      'protected',
      ['backup-in-progress'],
    ],
    [
      'Queued (1.18)',
      withNewerBackup('Queued', undefined),
      'protected',
      ['backup-in-progress'],
    ],
    [
      'ReadyToStart (1.18)',
      withNewerBackup('ReadyToStart', undefined),
      'protected',
      ['backup-in-progress'],
    ],
    [
      'InProgress',
      withNewerBackup('InProgress', 'InProgress'),
      'protected',
      ['backup-in-progress'],
    ],
    [
      'InProgress, volume already copied',
      withNewerBackup('InProgress', 'Completed'),
      'protected',
      ['backup-in-progress'],
    ],
    [
      'WaitingForPluginOperations',
      withNewerBackup('WaitingForPluginOperations', 'Completed'),
      'protected',
      ['backup-in-progress'],
    ],
    [
      'WaitingForPluginOperationsPartiallyFailed',
      withNewerBackup('WaitingForPluginOperationsPartiallyFailed', 'Completed'),
      'protected',
      ['backup-in-progress'],
    ],
    [
      'Finalizing',
      withNewerBackup('Finalizing', 'Completed'),
      'protected',
      ['backup-in-progress'],
    ],
    [
      'FinalizingPartiallyFailed',
      withNewerBackup('FinalizingPartiallyFailed', 'Completed'),
      'protected',
      ['backup-in-progress'],
    ],
    [
      'Deleting: not a restorable copy',
      withNewerBackup('Deleting', 'Completed'),
      'protected',
      [],
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it('a copy counts once its backup completes, not before', () => {
    const only = (phase: string) => ({
      backups: [
        k.backup({
          name: 'daily-1',
          schedule: 'daily',
          phase,
          started: k.hoursAgo(1),
        }),
      ],
      podVolumeBackups: [
        k.pvb({
          backup: 'daily-1',
          started: k.hoursAgo(0.9),
          completed: k.hoursAgo(0.8),
        }),
      ],
    });
    expect(evaluateScenario(only('InProgress')).verdict).toBe('stale');
    expect(
      evaluateScenario(only('Finalizing')).lastSuccessfulBackup,
    ).toBeUndefined();
    expect(evaluateScenario(only('Completed')).verdict).toBe('protected');
  });

  it("quotes the backup's failure reason", () => {
    const coverage = evaluateScenario({
      backups: [
        k.backup({
          name: 'daily-1',
          schedule: 'daily',
          phase: 'Failed',
          failureReason: 'BackupStorageLocation is unavailable',
          completed: k.hoursAgo(3),
        }),
      ],
    });
    expect(coverage.reasons[0].message).toMatch(
      /Backup "daily-1" ended Failed \(BackupStorageLocation is unavailable\)/,
    );
  });
});

describe('PodVolumeBackup / DataUpload phases (Velero 1.17/1.18)', () => {
  it.each<Row>([
    ['Completed', withNewerBackup('Completed', 'Completed'), 'protected', []],
    [
      'Failed',
      withNewerBackup('Completed', 'Failed'),
      'failing',
      ['volume-backup-failed'],
    ],
    [
      'Canceled',
      withNewerBackup('Completed', 'Canceled'),
      'failing',
      ['volume-backup-failed'],
    ],
    [
      'New',
      withNewerBackup('InProgress', 'New'),
      'protected',
      ['backup-in-progress'],
    ],
    [
      'Accepted',
      withNewerBackup('InProgress', 'Accepted'),
      'protected',
      ['backup-in-progress'],
    ],
    [
      'Prepared',
      withNewerBackup('InProgress', 'Prepared'),
      'protected',
      ['backup-in-progress'],
    ],
    [
      'InProgress',
      withNewerBackup('InProgress', 'InProgress'),
      'protected',
      ['backup-in-progress'],
    ],
    [
      'Canceling',
      withNewerBackup('InProgress', 'Canceling'),
      'protected',
      ['backup-in-progress'],
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it("quotes the node agent's message", () => {
    const coverage = evaluateScenario(
      withNewerBackup('PartiallyFailed', 'Failed'),
    );
    expect(coverage.reasons.map(r => r.code)).toEqual(['volume-backup-failed']);
    expect(coverage.reasons[0].message).toMatch(
      /ended Failed: error running kopia: i\/o timeout/,
    );
  });
});

describe('BackupStorageLocation availability (prepareBackupRequest, BSLIsAvailable; Test_prepareBackupRequest_BackupStorageLocation)', () => {
  it.each<Row>([
    ['Available', {}, 'protected', []],
    [
      // prepareBackupRequest: every new Backup fails validation, and the
      // existing copies cannot be restored from it now.
      'Unavailable',
      { locations: [k.bsl({ phase: 'Unavailable', message: 'NoSuchBucket' })] },
      'failing',
      ['bsl-unavailable', 'storage-location-missing'],
    ],
    [
      // veleroutil.BSLIsAvailable: only phase Available counts.
      'not validated yet',
      { locations: [k.bsl({ phase: '' })] },
      'failing',
      ['bsl-unavailable', 'storage-location-missing'],
    ],
    [
      'named location missing',
      {
        schedules: [
          k.schedule({
            template: {
              includedNamespaces: ['app'],
              defaultVolumesToFsBackup: true,
              storageLocation: 'offsite',
            },
          }),
        ],
      },
      'failing',
      ['bsl-unavailable'],
    ],
    [
      // No location is marked default: the server's
      // --default-backup-storage-location ("default") is used.
      'no location marked default: the server default "default"',
      { locations: [k.bsl({ default: false })] },
      'protected',
      [],
    ],
    [
      'no location marked default, and the server default is another',
      { locations: [k.bsl({ default: false })] },
      'failing',
      ['bsl-unavailable'],
      { defaultBackupLocation: 'primary' },
    ],
    [
      "the schedule's own location is available",
      {
        schedules: [
          k.schedule({
            template: {
              includedNamespaces: ['app'],
              defaultVolumesToFsBackup: true,
              storageLocation: 'onsite',
            },
          }),
        ],
        locations: [
          k.bsl({ phase: 'Unavailable' }),
          k.bsl({ name: 'onsite', default: false }),
        ],
        backups: [
          k.backup({
            name: 'daily-1',
            schedule: 'daily',
            spec: {
              includedNamespaces: ['app'],
              defaultVolumesToFsBackup: true,
              storageLocation: 'onsite',
            },
          }),
        ],
      },
      'protected',
      [],
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it("quotes Velero's message", () => {
    const coverage = evaluateScenario({
      locations: [k.bsl({ phase: 'Unavailable', message: 'NoSuchBucket' })],
    });
    expect(coverage.reasons[0]).toMatchObject({
      schedule: 'daily',
      message: expect.stringContaining('Unavailable (NoSuchBucket)'),
    });
  });
});

describe('staleness against the tier RPO and now', () => {
  const copiedHoursAgo = (hours: number): Partial<Scenario> => ({
    backups: [
      k.backup({
        name: 'daily-1',
        schedule: 'daily',
        started: k.hoursAgo(hours + 0.5),
        completed: k.hoursAgo(hours),
      }),
    ],
    podVolumeBackups: [
      k.pvb({
        backup: 'daily-1',
        started: k.hoursAgo(hours + 0.4),
        completed: k.hoursAgo(hours),
      }),
    ],
  });
  const onClass = (storageClass: string, tier?: string): Partial<Scenario> => ({
    claims: [k.pvc({ storageClass })],
    classes: [k.storageClass({ name: storageClass, tier })],
  });
  it.each<Row>([
    ['23h old, RPO 24h', copiedHoursAgo(23), 'protected', []],
    ['25h old, RPO 24h', copiedHoursAgo(25), 'stale', ['stale-backup']],
    [
      'never',
      { backups: [], podVolumeBackups: [] },
      'stale',
      ['never-backed-up'],
    ],
    [
      '2h old, tier RPO 1h',
      { ...copiedHoursAgo(2), ...onClass('storage-hourly') },
      'stale',
      ['stale-backup'],
    ],
    [
      'class labelled with a configured tier takes its RPO',
      { ...copiedHoursAgo(2), ...onClass('ceph', 'hourly') },
      'stale',
      ['stale-backup'],
    ],
    [
      'unclassified: default RPO 24h',
      { ...copiedHoursAgo(20), ...onClass('standard') },
      'protected',
      [],
    ],
    [
      'unclassified: configured default RPO',
      { ...copiedHoursAgo(3), ...onClass('standard') },
      'stale',
      ['stale-backup'],
      { defaultRpoSeconds: 7200 },
    ],
    [
      '25h old, but evaluated 2h earlier',
      copiedHoursAgo(25),
      'protected',
      [],
      { now: new Date(Date.parse(k.NOW) - 2 * 3600_000) },
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it('says how old the copy is and what the RPO is', () => {
    const coverage = evaluateScenario(copiedHoursAgo(75));
    expect(coverage.reasons[0].message).toMatch(
      /is 3d 3h old, older than the 24h RPO of tier "fast"/,
    );
  });

  it('resolves the tier from config, then the class label, then unclassified', () => {
    expect(evaluateScenario().tier).toBe('fast');
    expect(evaluateScenario(onClass('ceph', 'replicated')).tier).toBe(
      'replicated',
    );
    expect(evaluateScenario(onClass('standard')).tier).toBe('unclassified');
  });
});

describe('waivers and their expiry', () => {
  const waiver = (expires?: string) =>
    k.pvc({
      annotations: {
        'gitops-storage.dev/backup-waiver':
          'rebuilt from the warehouse every night',
        ...(expires
          ? { 'gitops-storage.dev/backup-waiver-expires': expires }
          : {}),
      },
    });
  it.each<Row>([
    [
      'waived, data protected anyway',
      { claims: [waiver()] },
      'waived',
      ['waived'],
    ],
    [
      'waived, no schedule',
      { claims: [waiver()], schedules: [], podVolumeBackups: [] },
      'waived',
      ['waived', 'no-matching-schedule'],
    ],
    [
      'waived until later',
      {
        claims: [waiver('2027-01-31T00:00:00Z')],
        schedules: [],
        podVolumeBackups: [],
      },
      'waived',
      ['waived', 'no-matching-schedule'],
    ],
    [
      'waiver expired, protected',
      { claims: [waiver('2026-10-31T00:00:00Z')] },
      'protected',
      ['waiver-expired'],
    ],
    [
      'waiver expired, no schedule',
      {
        claims: [waiver('2026-10-31T00:00:00Z')],
        schedules: [],
        podVolumeBackups: [],
      },
      'unprotected',
      ['waiver-expired', 'no-matching-schedule'],
    ],
    [
      'waiver expiry unreadable',
      { claims: [waiver('end of year')], schedules: [], podVolumeBackups: [] },
      'unprotected',
      ['waiver-expired', 'no-matching-schedule'],
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });
});

describe('unknown: data that could not be read', () => {
  it.each<Row>([
    [
      'cluster unreachable',
      {},
      'unknown',
      ['cluster-unreachable'],
      {},
      s =>
        s.setReachability({
          reachable: false,
          message: 'connect ECONNREFUSED',
        }),
    ],
    [
      'backups forbidden',
      {},
      'unknown',
      ['velero-unreadable'],
      {},
      s => s.setReadability('Backup', { status: 'forbidden' }),
    ],
    [
      'Velero CRDs absent',
      { schedules: [], backups: [] },
      'unknown',
      ['velero-unreadable'],
      {},
      s => {
        for (const kind of [
          'Schedule',
          'Backup',
          'BackupStorageLocation',
          'PodVolumeBackup',
        ] as const)
          s.setReadability(kind, { status: 'absent' });
      },
    ],
    [
      'pods forbidden',
      {},
      'unknown',
      ['cluster-unreachable'],
      {},
      s => s.setReadability('Pod', { status: 'forbidden' }),
    ],
    [
      'unknown comes before waived',
      {
        claims: [
          k.pvc({
            annotations: { 'gitops-storage.dev/backup-waiver': 'scratch' },
          }),
        ],
      },
      'unknown',
      ['velero-unreadable'],
      {},
      s =>
        s.setReadability('Schedule', { status: 'error', message: 'timeout' }),
    ],
    [
      'DataUploads forbidden, volume on file-system backup',
      {},
      'protected',
      [],
      {},
      s => s.setReadability('DataUpload', { status: 'forbidden' }),
    ],
    [
      'DataUploads forbidden, volume on the data mover',
      {
        schedules: [
          k.schedule({
            template: {
              includedNamespaces: ['app'],
              snapshotMoveData: true,
              defaultVolumesToFsBackup: false,
            },
          }),
        ],
        volumes: [
          k.pv({ source: 'csi', claim: { namespace: 'app', name: 'data' } }),
        ],
      },
      'unknown',
      ['velero-unreadable'],
      {},
      s => s.setReadability('DataUpload', { status: 'forbidden' }),
    ],
    [
      'unreadable kinds recovered',
      {},
      'protected',
      [],
      {},
      s => {
        s.setReadability('Backup', { status: 'forbidden' });
        s.setReadability('Backup', { status: 'readable' });
      },
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it('says what could not be read and how to fix it', () => {
    const forbidden = evaluateScenario({}, {}, s =>
      s.setReadability('Backup', {
        status: 'forbidden',
        message: 'backups.velero.io is forbidden',
      }),
    );
    expect(forbidden.reasons[0].message).toMatch(
      /Velero's backups\.velero\.io \(backups\.velero\.io is forbidden\) could not be read in cluster "test".*Grant the storage plugin's ClusterRole get, list and watch on backups\.velero\.io/,
    );
    const absent = evaluateScenario({}, {}, s =>
      s.setReadability('Schedule', { status: 'absent' }),
    );
    expect(absent.reasons[0].message).toMatch(/Install Velero/);
    expect(absent.schedules).toEqual([]);
    expect(absent.lastSuccessfulBackup).toBeUndefined();
  });
});

describe('Velero namespace and several schedules', () => {
  it.each<Row>([
    [
      'schedule in another namespace is ignored',
      {
        schedules: [k.schedule({ namespace: 'backups' })],
        locations: [k.bsl({ namespace: 'backups' })],
      },
      'unprotected',
      ['no-matching-schedule'],
      { veleroNamespace: 'velero' },
    ],
    [
      'every namespace counts when none is set',
      {
        schedules: [k.schedule({ namespace: 'backups' })],
        locations: [k.bsl({ namespace: 'backups' })],
        backups: [
          k.backup({
            name: 'daily-1',
            schedule: 'daily',
            namespace: 'backups',
          }),
        ],
        podVolumeBackups: [k.pvb({ backup: 'daily-1', namespace: 'backups' })],
      },
      'protected',
      [],
    ],
    [
      'two covering schedules, one failed validation',
      {
        schedules: [
          k.schedule(),
          k.schedule({ name: 'weekly', phase: 'FailedValidation' }),
        ],
      },
      'failing',
      ['schedule-failed-validation'],
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it('lists every covering schedule', () => {
    const coverage = evaluateScenario({
      schedules: [
        k.schedule({ name: 'weekly', cron: '0 3 * * 0' }),
        k.schedule(),
      ],
    });
    expect(
      coverage.schedules.map(s => `${s.name} ${s.cron} ${s.method}`),
    ).toEqual(['daily 0 2 * * * fs-backup', 'weekly 0 3 * * 0 fs-backup']);
  });
});

describe('the claim itself', () => {
  it('reports capacity, access modes, class, volume and pods', () => {
    const coverage = evaluateScenario({
      claims: [k.pvc({ capacity: '50Gi', accessModes: ['ReadWriteMany'] })],
    });
    expect(coverage).toMatchObject({
      cluster: 'test',
      namespace: 'app',
      name: 'data',
      uid: 'uid-app-data',
      storageClass: 'storage-fast',
      tier: 'fast',
      capacity: '50Gi',
      capacityBytes: 50 * 2 ** 30,
      accessModes: ['ReadWriteMany'],
      volume: { name: 'pv-data', source: 'local' },
      pods: ['app-0'],
    });
  });

  it('takes the class from the PV when the claim has none', () => {
    const claim = k.pvc();
    delete (claim.spec as { storageClassName?: string }).storageClassName;
    const coverage = evaluateScenario({
      claims: [claim],
      volumes: [k.pv({ storageClass: 'storage-hourly' })],
    });
    expect(coverage.storageClass).toBe('storage-hourly');
    expect(coverage.tier).toBe('hourly');
  });
});
