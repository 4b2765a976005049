import type { Tier } from '../model';
import * as k from '../testing/objects';
import * as r from '../testing/restoreObjects';
import {
  evaluateScenario,
  stateOf,
  protectedScenario,
  TIERS,
} from '../testing/scenario';
import {
  projectDataDownload,
  projectPodVolumeRestore,
} from '../state/projectRestore';
import { restoreCopyOutcome, restoreOutcome } from './restorePhases';
import { toCsv } from '../csv/coverageCsv';

const DRILLED: Tier[] = TIERS.map(t =>
  t.name === 'fast'
    ? {
        ...t,
        restoreTestInterval: 'P30D',
        restoreTestIntervalSeconds: 30 * 86400,
      }
    : t,
);

function withRestores(objects: unknown[], tiers: Tier[] = DRILLED) {
  return evaluateScenario({ others: objects }, { tiers });
}

describe('restore projection (Velero 1.18.1 newPodVolumeRestore / newDataDownload)', () => {
  it('reads a PodVolumeRestore: restored pod, its volume, the source namespace', () => {
    const copy = projectPodVolumeRestore(
      r.podVolumeRestore({ target: 'app-drill', restoredClaimUid: 'uid-x' }),
    );
    expect(copy).toMatchObject({
      method: 'fs-backup',
      restore: 'restore-1',
      sourceNamespace: 'app',
      targetNamespace: 'app-drill',
      pod: { name: 'app-0', volume: 'data' },
      restoredClaimUid: 'uid-x',
      phase: 'Completed',
    });
  });

  it('reads a DataDownload: the target claim keeps its name', () => {
    expect(
      projectDataDownload(r.dataDownload({ target: 'app-drill' })),
    ).toMatchObject({
      method: 'data-mover',
      claimName: 'data',
      sourceNamespace: 'app',
      targetNamespace: 'app-drill',
    });
  });

  it('refuses a copy without the velero.io/restore-name label', () => {
    const raw = r.dataDownload();
    delete (raw.metadata.labels as Record<string, string>)[
      'velero.io/restore-name'
    ];
    expect(() => projectDataDownload(raw)).toThrow(/restore-name/);
  });
});

describe('restore phases (restore_types.go, pod_volume_restore_type.go)', () => {
  it.each([
    ['Completed', 'completed'],
    ['PartiallyFailed', 'partially-failed'],
    ['FailedValidation', 'failed'],
    ['WaitingForPluginOperations', 'in-progress'],
    ['FinalizingPartiallyFailed', 'in-progress'],
    ['Deleting?', 'unrecognized'],
  ])('Restore %s is %s', (phase, outcome) => {
    expect(restoreOutcome(phase)).toBe(outcome);
  });
  it.each([
    ['Completed', 'completed'],
    ['Canceled', 'failed'], // RestorePodVolumes counts it as an error
    ['Failed', 'failed'],
    ['Prepared', 'in-progress'],
  ])('copy %s is %s', (phase, outcome) => {
    expect(restoreCopyOutcome(phase)).toBe(outcome);
  });
});

describe('restore verification of a volume', () => {
  it('a drill into a scratch namespace verifies the volume (PodVolumeRestore matched by the backed-up pod, getVolumeBackupInfoForPod)', () => {
    const coverage = withRestores([
      r.restore({ backup: 'daily-1', mapping: { app: 'app-drill' } }),
      r.podVolumeRestore({ target: 'app-drill' }),
    ]);
    expect(coverage.verdict).toBe('protected');
    expect(coverage.restore).toMatchObject({
      status: 'verified',
      intervalSeconds: 30 * 86400,
      reasons: [],
      lastSuccessfulRestore: {
        restore: 'restore-1',
        backup: 'daily-1',
        namespace: 'app-drill',
        drill: true,
        method: 'fs-backup',
        outcome: 'completed',
        time: k.hoursAgo(2),
      },
    });
  });

  it('a PodVolumeRestore whose backed-up pod is gone is matched through the restored claim (velero.io/pvc-uid)', () => {
    const coverage = withRestores([
      r.restore({ mapping: { app: 'app-drill' } }),
      r.podVolumeRestore({
        pod: 'app-7f9c-xk2l',
        target: 'app-drill',
        restoredClaimUid: 'uid-app-drill-data',
      }),
      k.pvc({
        namespace: 'app-drill',
        volume: 'pv-drill-data',
        labels: { 'velero.io/restore-name': 'restore-1' },
      }),
    ]);
    expect(coverage.restore?.status).toBe('verified');
  });

  it('a DataDownload in place verifies the claim of that name', () => {
    const coverage = withRestores([r.restore(), r.dataDownload()]);
    expect(coverage.restore?.lastSuccessfulRestore).toMatchObject({
      method: 'data-mover',
      namespace: 'app',
      drill: false,
    });
  });

  it('a restore older than the tier interval is overdue, with a reason; the verdict is unchanged', () => {
    const coverage = withRestores([
      r.restore({ hoursAgo: 24 * 45 }),
      r.dataDownload({ hoursAgo: 24 * 45 }),
    ]);
    expect(coverage.verdict).toBe('protected');
    expect(coverage.restore?.status).toBe('overdue');
    expect(coverage.restore?.reasons.map(x => x.code)).toEqual([
      'restore-test-overdue',
    ]);
    expect(coverage.reasons.map(x => x.code)).not.toContain(
      'restore-test-overdue',
    );
  });

  it('a tier with an interval and no restore: never-verified', () => {
    const coverage = withRestores([]);
    expect(coverage.restore).toMatchObject({
      status: 'never-verified',
      reasons: [{ code: 'restore-never-verified' }],
    });
  });

  it('no interval and no restore: no restore field at all', () => {
    expect(withRestores([], TIERS).restore).toBeUndefined();
  });

  it('a Completed copy of a Failed Restore is not a success; the newest failure is a reason', () => {
    const coverage = withRestores([
      r.restore({ name: 'old', hoursAgo: 24 * 10 }),
      r.dataDownload({ restore: 'old', hoursAgo: 24 * 10 }),
      r.restore({
        name: 'new',
        phase: 'Failed',
        failureReason: 'pod restore timed out',
      }),
      r.dataDownload({ restore: 'new' }),
    ]);
    expect(coverage.restore).toMatchObject({
      status: 'verified',
      lastSuccessfulRestore: { restore: 'old' },
      lastAttempt: {
        restore: 'new',
        outcome: 'failed',
        message: 'pod restore timed out',
      },
      reasons: [{ code: 'restore-failed' }],
    });
  });

  it('a copy whose Restore is still finalizing does not count yet', () => {
    const coverage = withRestores([
      r.restore({ phase: 'Finalizing' }),
      r.dataDownload(),
    ]);
    expect(coverage.restore?.status).toBe('never-verified');
    expect(coverage.restore?.lastAttempt?.outcome).toBe('in-progress');
  });

  it("another claim's restore does not count (DataDownload of another claim, PodVolumeRestore of another pod volume)", () => {
    const coverage = withRestores([
      r.restore(),
      r.dataDownload({ claim: 'logs' }),
      r.podVolumeRestore({ volume: 'cache' }),
    ]);
    expect(coverage.restore?.status).toBe('never-verified');
  });

  it('unreadable restores make the restore status unknown, never the verdict', () => {
    const coverage = evaluateScenario({}, { tiers: DRILLED }, s =>
      s.setReadability('PodVolumeRestore', { status: 'forbidden' }),
    );
    expect(coverage.verdict).toBe('protected');
    expect(coverage.restore).toMatchObject({
      status: 'unknown',
      reasons: [{ code: 'restore-unreadable' }],
    });
  });

  it('a deleted DataDownload no longer verifies the claim', () => {
    const state = stateOf({ ...protectedScenario(), others: [r.restore()] });
    const dd = r.dataDownload();
    expect([...state.apply({ type: 'ADDED', object: dd })]).toEqual([
      'app/data',
    ]);
    expect(state.restoreCopiesFor('app/data')).toHaveLength(1);
    state.apply({ type: 'DELETED', object: dd });
    expect(state.restoreCopiesFor('app/data')).toHaveLength(0);
  });

  it('a relist of PodVolumeRestores replaces them and keeps DataDownloads', () => {
    const state = stateOf({
      ...protectedScenario(),
      others: [r.restore(), r.dataDownload(), r.podVolumeRestore()],
    });
    expect(state.restoreCopiesFor('app/data')).toHaveLength(2);
    state.replaceAll('PodVolumeRestore', []);
    expect(state.restoreCopiesFor('app/data').map(c => c.method)).toEqual([
      'data-mover',
    ]);
    expect(state.counts()).toMatchObject({
      Restore: 1,
      PodVolumeRestore: 0,
      DataDownload: 1,
    });
  });
});

describe('restore columns of the coverage CSV', () => {
  it('gives the status, time, backup and namespace of the last restore', () => {
    const coverage = withRestores([
      r.restore({ backup: 'daily-1', mapping: { app: 'app-drill' } }),
      r.podVolumeRestore({ target: 'app-drill' }),
    ]);
    const [header, line] = toCsv([{ ...coverage, owners: [], entityRefs: [] }])
      .trim()
      .split('\r\n')
      .map(l => l.split(','));
    const field = (name: string) => line[header.indexOf(name)];
    expect(field('restore_status')).toBe('verified');
    expect(field('last_successful_restore')).toBe(k.hoursAgo(2));
    expect(field('last_restore_backup')).toBe('daily-1');
    expect(field('last_restore_namespace')).toBe('app-drill');
  });
});
