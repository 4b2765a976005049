import * as k from '../testing/objects';
import {
  codes,
  evaluateScenario,
  verdictAndCodes,
  type VerdictRow,
} from '../testing/scenario';
import type { Verdict } from '../model';

/**
 * A copy protects a volume only while it exists, can be restored, belongs to
 * this cluster's volume and carries a time that can be trusted. Each row
 * names the Velero controller whose behaviour it follows.
 */
type Row = VerdictRow;

function run(rows: Row[]) {
  it.each<Row>(rows)('%s', (...row) => {
    const [, changes, verdict, expected, ctx] = row;
    expect(verdictAndCodes(evaluateScenario(changes, ctx))).toEqual({
      verdict,
      codes: expected,
    });
  });
}

const daily1 = (o: Partial<Parameters<typeof k.backup>[0]> = {}) =>
  k.backup({ name: 'daily-1', schedule: 'daily', ...o });

describe('lifecycle of a backup (gc_controller, backup_deletion_controller, phases)', () => {
  run([
    ['a Completed backup within its TTL protects', {}, 'protected', []],
    [
      // gc_controller: past status.expiration the Backup is garbage-collected.
      'past status.expiration',
      { backups: [daily1({ expires: k.hoursAgo(1) })] },
      'stale',
      ['backup-expired'],
    ],
    [
      'being deleted (deletionTimestamp)',
      { backups: [daily1({ deleting: true })] },
      'stale',
      ['backup-being-deleted'],
    ],
    [
      'in phase Deleting (a failed deletion leaves it there)',
      { backups: [daily1({ phase: 'Deleting', completed: k.hoursAgo(3.5) })] },
      'stale',
      ['backup-being-deleted'],
    ],
    [
      // gc_controller counts "", New and InProgress requests as pending.
      'named by a pending DeleteBackupRequest',
      { others: [k.deleteBackupRequest('daily-1', 'InProgress')] },
      'stale',
      ['backup-being-deleted'],
    ],
    [
      'a processed DeleteBackupRequest of it is history',
      { others: [k.deleteBackupRequest('daily-1', 'Processed')] },
      'protected',
      [],
    ],
    [
      // A running Backup with a Completed record is neither evidence nor failure.
      'InProgress with a Completed record of this volume, no older copy',
      {
        backups: [daily1({ phase: 'InProgress', completed: undefined })],
      },
      'stale',
      ['awaiting-first-backup', 'backup-in-progress'],
    ],
    [
      // On restart Velero marks InProgress Backups Failed
      // ("found a backup with status InProgress during the server starting").
      'marked Failed after a server restart',
      {
        backups: [
          daily1({
            phase: 'Failed',
            completed: k.hoursAgo(3.5),
            failureReason:
              'found a backup with status "InProgress" during the server starting, mark it as "Failed"',
          }),
        ],
      },
      'failing',
      ['backup-failed', 'never-backed-up'],
    ],
  ]);
});

describe('storage locations that exist (prepareBackupRequest, BSLIsAvailable)', () => {
  run([
    [
      'location deleted: older backups are not evidence',
      {
        backups: [
          daily1({
            spec: {
              includedNamespaces: ['app'],
              defaultVolumesToFsBackup: true,
              storageLocation: 'old-bucket',
            },
          }),
        ],
      },
      'stale',
      ['storage-location-missing'],
    ],
  ]);

  it('names the location', () => {
    const coverage = evaluateScenario({
      backups: [
        daily1({
          spec: { includedNamespaces: ['app'], storageLocation: 'old-bucket' },
        }),
      ],
    });
    expect(coverage.reasons[0].message).toMatch(
      /"old-bucket", which no longer exists/,
    );
  });
});

describe("this cluster's backups (backup_sync_controller)", () => {
  run([
    [
      // Synced records keep the other cluster's pvc-uid label.
      "a record of another cluster's PVC with the same name",
      {
        podVolumeBackups: [
          k.pvb({ backup: 'daily-1', pvcUid: 'uid-of-another-cluster' }),
        ],
      },
      'stale',
      ['never-backed-up'],
    ],
    [
      // The sync controller creates the Backup after it ran elsewhere.
      'a Failed backup of the same schedule synced from a shared bucket',
      {
        backups: [
          daily1(),
          k.backup({
            name: 'daily-2',
            schedule: 'daily',
            phase: 'Failed',
            started: k.hoursAgo(2),
            completed: k.hoursAgo(1.9),
            created: k.hoursAgo(0.5),
          }),
        ],
      },
      'protected',
      ['foreign-backup-ignored'],
    ],
    [
      // A restore creates a new PVC (new uid, velero.io/restore-name label).
      'a restored copy starts with no evidence of its own',
      {
        claims: [
          k.pvc({
            uid: 'uid-restored',
            created: k.hoursAgo(1),
            labels: {
              'velero.io/restore-name': 'restore-1',
              'velero.io/backup-name': 'daily-1',
            },
          }),
        ],
      },
      'stale',
      ['awaiting-first-backup'],
    ],
    [
      'a record without pvc-uid from before the claim was re-created',
      {
        claims: [k.pvc({ uid: 'uid-new', created: k.hoursAgo(2) })],
        podVolumeBackups: [k.pvb({ backup: 'daily-1', pvcUid: null })],
      },
      'stale',
      ['awaiting-first-backup'],
    ],
  ]);
});

describe('time you can trust', () => {
  it('clamps a record finishing after its Backup (node clock ahead) and says so', () => {
    const coverage = evaluateScenario({
      podVolumeBackups: [
        k.pvb({ backup: 'daily-1', completed: '2026-11-27T06:00:00Z' }),
      ],
    });
    expect(coverage.verdict).toBe('protected');
    expect(codes(coverage)).toEqual(['clock-skew']);
    expect(coverage.lastSuccessfulBackup?.time).toBe(k.hoursAgo(3.5));
  });

  it('never extends protection with a future time', () => {
    const coverage = evaluateScenario({
      backups: [daily1({ started: k.hoursAgo(30), completed: k.hoursAgo(29) })],
      podVolumeBackups: [
        k.pvb({
          backup: 'daily-1',
          started: k.hoursAgo(30),
          completed: '2026-11-27T00:00:00Z',
        }),
      ],
    });
    expect(coverage.verdict).toBe('stale');
    expect(codes(coverage)).toEqual(['clock-skew', 'stale-backup']);
  });

  it.each<[number, Verdict]>([
    [24, 'protected'],
    [24.01, 'stale'],
  ])(
    'RPO boundary is inclusive: a copy %s hours old is %s',
    (hours, verdict) => {
      const coverage = evaluateScenario({
        backups: [
          daily1({
            started: k.hoursAgo(hours + 0.5),
            completed: k.hoursAgo(hours),
          }),
        ],
        podVolumeBackups: [
          k.pvb({
            backup: 'daily-1',
            started: k.hoursAgo(hours + 0.5),
            completed: k.hoursAgo(hours),
          }),
        ],
      });
      expect(coverage.verdict).toBe(verdict);
    },
  );
});

describe('awaiting first backup (getNextRunTime)', () => {
  it('is stale with its own reason and the run time while the first run is not due', () => {
    const coverage = evaluateScenario({
      claims: [k.pvc({ created: k.hoursAgo(1) })],
      podVolumeBackups: [],
    });
    expect(coverage.verdict).toBe('stale');
    expect(coverage.backupStatus).toBe('awaiting-first-backup');
    expect(coverage.reasons[0]).toMatchObject({
      code: 'awaiting-first-backup',
      message: expect.stringContaining('2026-11-27T02:00:00Z'),
    });
  });

  it('is never-backed-up once the first run was due and passed without a copy', () => {
    const coverage = evaluateScenario({
      claims: [k.pvc({ created: k.hoursAgo(5) })],
      podVolumeBackups: [],
    });
    expect(coverage.backupStatus).toBe('never-backed-up');
    expect(codes(coverage)).toEqual(['never-backed-up']);
  });
});

describe('coverage that lapses by design', () => {
  run([
    [
      'TTL shorter than RPO + interval',
      {
        schedules: [
          k.schedule({
            template: {
              includedNamespaces: ['app'],
              defaultVolumesToFsBackup: true,
              ttl: '12h0m0s',
            },
          }),
        ],
      },
      'protected',
      ['ttl-shorter-than-rpo'],
    ],
    [
      'TTL of 48h covers a 24h RPO with a daily schedule',
      {
        schedules: [
          k.schedule({
            template: {
              includedNamespaces: ['app'],
              defaultVolumesToFsBackup: true,
              ttl: '48h0m0s',
            },
          }),
        ],
      },
      'protected',
      [],
    ],
  ]);
});

describe('attempts that tell the truth', () => {
  it('a Backup that failed before reaching the volume is its last attempt, "not attempted"', () => {
    const coverage = evaluateScenario({
      backups: [
        daily1(),
        k.backup({
          name: 'daily-2',
          schedule: 'daily',
          phase: 'Failed',
          started: k.hoursAgo(1),
          completed: k.hoursAgo(0.9),
          failureReason: 'rpc error',
        }),
      ],
    });
    expect(coverage.verdict).toBe('failing');
    expect(coverage.lastAttempt).toMatchObject({
      backup: 'daily-2',
      outcome: 'not-attempted',
    });
    expect(coverage.lastSuccessfulBackup?.backup).toBe('daily-1');
  });

  it('never pairs a failing verdict with a completed last attempt of a failed record', () => {
    const coverage = evaluateScenario({
      podVolumeBackups: [
        k.pvb({ backup: 'daily-1', phase: 'Failed', message: 'disk full' }),
      ],
    });
    expect(coverage.verdict).toBe('failing');
    expect(coverage.lastAttempt?.outcome).toBe('failed');
  });
});

describe('evidence before prediction', () => {
  it('a completed copy within RPO protects even when no schedule would copy it, and says the model disagrees', () => {
    const coverage = evaluateScenario({ schedules: [] });
    expect(coverage.verdict).toBe('protected');
    expect(codes(coverage)).toEqual([
      'evidence-contradicts-model',
      'no-matching-schedule',
    ]);
  });

  it('the prediction alone never protects', () => {
    const coverage = evaluateScenario({ podVolumeBackups: [] });
    expect(coverage.verdict).not.toBe('protected');
  });
});

describe('snapshots in a PartiallyFailed Backup (status.csiVolumeSnapshotsAttempted/Completed)', () => {
  const csi = {
    volumes: [
      k.pv({ source: 'csi', claim: { namespace: 'app', name: 'data' } }),
    ],
    schedules: [
      k.schedule({
        template: {
          includedNamespaces: ['app'],
          defaultVolumesToFsBackup: false,
        },
      }),
    ],
    podVolumeBackups: [],
  };
  const partial = (attempted: number, completed: number) => {
    const b = daily1({ phase: 'PartiallyFailed', completed: k.hoursAgo(3.5) });
    return {
      ...b,
      status: {
        ...b.status,
        csiVolumeSnapshotsAttempted: attempted,
        csiVolumeSnapshotsCompleted: completed,
      },
    };
  };
  run([
    [
      'every CSI snapshot completed: the failure was elsewhere',
      { ...csi, backups: [partial(3, 3)] },
      'protected',
      [],
    ],
    [
      'a CSI snapshot failed: Velero does not say which',
      { ...csi, backups: [partial(3, 2)] },
      'failing',
      ['backup-failed', 'never-backed-up'],
    ],
  ]);
});
