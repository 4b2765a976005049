import * as k from '../testing/objects';
import {
  codes,
  evaluateScenario,
  type Scenario,
  type VerdictRow,
} from '../testing/scenario';
import type { EvaluationContext } from './context';

/** A schedule `daily` over namespace `app` with a modified template. */
function withTemplate(
  template: Record<string, unknown>,
  extra: Partial<Scenario> = {},
): Partial<Scenario> {
  return {
    schedules: [
      k.schedule({
        template: {
          includedNamespaces: ['app'],
          defaultVolumesToFsBackup: true,
          ...template,
        },
      }),
    ],
    ...extra,
  };
}

type Row = VerdictRow;

/**
 * The verdict and reason codes a row gets, and the ones it should get.
 * Rows that predict `unprotected` are checked on the prediction alone (the
 * scenario without per-volume records); with the scenario's records the
 * recorded copy wins (evidence before prediction) and says the model
 * disagrees.
 */
function outcome([, changes, verdict, expectedCodes, ctx]: Row) {
  const asGiven = evaluateScenario(changes, ctx);
  if (verdict !== 'unprotected') {
    return {
      actual: { verdict: asGiven.verdict, codes: codes(asGiven) },
      expected: { verdict, codes: expectedCodes },
    };
  }
  const predicted = evaluateScenario(
    { ...changes, podVolumeBackups: [], dataUploads: [] },
    ctx,
  );
  const evidence = asGiven.lastSuccessfulBackup !== undefined;
  return {
    actual: {
      verdict: predicted.verdict,
      codes: codes(predicted),
      evidenceWins:
        evidence &&
        asGiven.verdict === 'protected' &&
        codes(asGiven).includes('evidence-contradicts-model'),
    },
    expected: { verdict, codes: expectedCodes, evidenceWins: evidence },
  };
}

/** The prediction alone: the scenario without per-volume records. */
function predict(changes: Partial<Scenario>, ctx?: Partial<EvaluationContext>) {
  return evaluateScenario(
    { ...changes, podVolumeBackups: [], dataUploads: [] },
    ctx,
  );
}

const NOT_SNAPSHOTTABLE = 'snapshot-unsupported-volume';

describe('rule: namespace include/exclude globs (NamespaceIncludesExcludes.ShouldInclude)', () => {
  it.each<Row>([
    [
      'listed namespace',
      withTemplate({ includedNamespaces: ['app'] }),
      'protected',
      [],
    ],
    [
      '* alone means all',
      withTemplate({ includedNamespaces: ['*'] }),
      'protected',
      [],
    ],
    [
      'empty include list means all',
      withTemplate({ includedNamespaces: [] }),
      'protected',
      [],
    ],
    ['? glob', withTemplate({ includedNamespaces: ['ap?'] }), 'protected', []],
    [
      '[a-c] glob',
      withTemplate({ includedNamespaces: ['[a-c]pp'] }),
      'protected',
      [],
    ],
    [
      '[x-z] glob misses',
      withTemplate({ includedNamespaces: ['[x-z]pp'] }),
      'unprotected',
      ['no-matching-schedule'],
    ],
    [
      'other namespace only',
      withTemplate({ includedNamespaces: ['orders'] }),
      'unprotected',
      ['no-matching-schedule'],
    ],
    [
      'excluded by glob',
      withTemplate({ includedNamespaces: ['*'], excludedNamespaces: ['a*'] }),
      'unprotected',
      ['namespace-excluded'],
    ],
    [
      'exclusion wins over a glob inclusion',
      withTemplate({
        includedNamespaces: ['a*'],
        excludedNamespaces: ['app'],
      }),
      'unprotected',
      ['namespace-excluded'],
    ],
    [
      // ValidateIncludesExcludes: an item in both lists fails every Backup.
      'the same namespace included and excluded',
      withTemplate({
        includedNamespaces: ['app'],
        excludedNamespaces: ['app'],
      }),
      'failing',
      ['schedule-failed-validation'],
    ],
    [
      'unrelated exclusion',
      withTemplate({
        includedNamespaces: ['*'],
        excludedNamespaces: ['kube-*'],
      }),
      'protected',
      [],
    ],
    [
      'no schedules at all',
      { schedules: [] },
      'unprotected',
      ['no-matching-schedule'],
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it('names the excluding pattern and the schedule', () => {
    const coverage = predict(
      withTemplate({
        includedNamespaces: ['*'],
        excludedNamespaces: ['kube-*', 'a*'],
      }),
    );
    expect(coverage.reasons[0]).toMatchObject({
      schedule: 'daily',
      message: expect.stringContaining('excludedNamespaces: a*'),
    });
  });
});

describe('rule: labelSelector / orLabelSelectors apply to the pod that mounts the volume (item_collector.go, backupItemInternal)', () => {
  it.each<Row>([
    [
      'matchLabels match',
      withTemplate({ labelSelector: { matchLabels: { app: 'app' } } }),
      'protected',
      [],
    ],
    [
      'matchLabels miss',
      withTemplate({ labelSelector: { matchLabels: { app: 'web' } } }),
      'unprotected',
      ['label-selector-mismatch', NOT_SNAPSHOTTABLE],
    ],
    [
      'In',
      withTemplate({
        labelSelector: {
          matchExpressions: [
            { key: 'app', operator: 'In', values: ['web', 'app'] },
          ],
        },
      }),
      'protected',
      [],
    ],
    [
      'NotIn',
      withTemplate({
        labelSelector: {
          matchExpressions: [
            { key: 'app', operator: 'NotIn', values: ['app'] },
          ],
        },
      }),
      'unprotected',
      ['label-selector-mismatch', NOT_SNAPSHOTTABLE],
    ],
    [
      'Exists',
      withTemplate({
        labelSelector: {
          matchExpressions: [{ key: 'app', operator: 'Exists' }],
        },
      }),
      'protected',
      [],
    ],
    [
      'DoesNotExist',
      withTemplate({
        labelSelector: {
          matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }],
        },
      }),
      'unprotected',
      ['label-selector-mismatch', NOT_SNAPSHOTTABLE],
    ],
    [
      'orLabelSelectors: second matches',
      withTemplate({
        orLabelSelectors: [
          { matchLabels: { app: 'web' } },
          { matchLabels: { app: 'app' } },
        ],
      }),
      'protected',
      [],
    ],
    [
      'orLabelSelectors: none matches',
      withTemplate({
        orLabelSelectors: [
          { matchLabels: { app: 'web' } },
          { matchLabels: { tier: 'db' } },
        ],
      }),
      'unprotected',
      ['label-selector-mismatch', NOT_SNAPSHOTTABLE],
    ],
    [
      'a label on the claim does not select its pod for FSB',
      withTemplate(
        { labelSelector: { matchLabels: { backup: 'yes' } } },
        { claims: [k.pvc({ labels: { backup: 'yes' } })] },
      ),
      'unprotected',
      ['label-selector-mismatch', NOT_SNAPSHOTTABLE],
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it('explains which selector and which pods', () => {
    const coverage = predict(
      withTemplate({ labelSelector: { matchLabels: { app: 'web' } } }),
    );
    expect(coverage.reasons[0].message).toMatch(
      /match the label selector "app=web", and "pod app-0" does not match/,
    );
  });
});

describe('rule: resource filters that leave out pods, PVCs or PVs (itemInclusionChecks, backup.go backupExcludePVC)', () => {
  it.each<Row>([
    [
      'excludedResources: pods',
      withTemplate({ excludedResources: ['pods'] }),
      'unprotected',
      ['resource-filter-excludes', NOT_SNAPSHOTTABLE],
    ],
    [
      'excludedResources: pvc',
      withTemplate({ excludedResources: ['persistentvolumeclaims'] }),
      'unprotected',
      ['resource-filter-excludes', NOT_SNAPSHOTTABLE],
    ],
    [
      'includedResources without pods',
      withTemplate({
        includedResources: ['persistentvolumeclaims', 'persistentvolumes'],
      }),
      'unprotected',
      ['resource-filter-excludes', NOT_SNAPSHOTTABLE],
    ],
    [
      'includedResources with pods and pvcs',
      withTemplate({ includedResources: ['pods', 'persistentvolumeclaims'] }),
      'protected',
      [],
    ],
    [
      'unrelated exclusions',
      withTemplate({ excludedResources: ['secrets', 'events'] }),
      'protected',
      [],
    ],
    [
      'file-system backup does not need the PV object',
      withTemplate({ includeClusterResources: false }),
      'protected',
      [],
    ],
    [
      'scoped: namespace-scoped without pods',
      withTemplate({
        includedNamespaceScopedResources: ['persistentvolumeclaims'],
      }),
      'unprotected',
      ['resource-filter-excludes', NOT_SNAPSHOTTABLE],
    ],
    [
      'scoped: pvcs excluded',
      withTemplate({
        excludedNamespaceScopedResources: ['persistentvolumeclaims'],
      }),
      'unprotected',
      ['resource-filter-excludes', NOT_SNAPSHOTTABLE],
    ],
    [
      'scoped: pods and pvcs included',
      withTemplate({
        includedNamespaceScopedResources: ['pods', 'persistentvolumeclaims'],
      }),
      'protected',
      [],
    ],
    [
      // pvcBackupItemAction acts on the claim: a CSI snapshot does not need
      // the PV item in the backup (Velero 1.14+ built-in CSI plugin).
      'CSI snapshots do not need the PV object',
      withTemplate(
        {
          defaultVolumesToFsBackup: false,
          excludedClusterScopedResources: ['persistentvolumes'],
        },
        {
          volumes: [
            k.pv({ source: 'csi', claim: { namespace: 'app', name: 'data' } }),
          ],
          podVolumeBackups: [],
        },
      ),
      'protected',
      [],
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it('names what is left out', () => {
    const coverage = predict(
      withTemplate({ excludedResources: ['pods', 'pvc'] }),
    );
    expect(coverage.reasons[0].message).toMatch(
      /leaves out pods and persistentvolumeclaims/,
    );
  });
});

describe('rule: paused schedules and schedules that failed validation (schedule_controller.go Reconcile)', () => {
  it.each<Row>([
    [
      'paused',
      { schedules: [k.schedule({ paused: true })] },
      'unprotected',
      ['schedule-paused'],
    ],
    [
      'paused: false',
      { schedules: [k.schedule({ paused: false })] },
      'protected',
      [],
    ],
    [
      'paused, but another schedule covers',
      { schedules: [k.schedule({ name: 'old', paused: true }), k.schedule()] },
      'protected',
      [],
    ],
    [
      'a paused schedule that would not cover the volume anyway',
      {
        schedules: [
          k.schedule({
            paused: true,
            template: {
              includedNamespaces: ['app'],
              excludedResources: ['pods'],
              snapshotVolumes: false,
            },
          }),
        ],
      },
      'unprotected',
      ['resource-filter-excludes'],
    ],
    [
      'failed validation',
      {
        schedules: [
          k.schedule({
            phase: 'FailedValidation',
            validationErrors: ['invalid schedule: expected 5 fields'],
          }),
        ],
      },
      'failing',
      ['schedule-failed-validation'],
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it('lists a schedule that failed validation as covering, and quotes its errors', () => {
    const coverage = evaluateScenario({
      schedules: [
        k.schedule({
          phase: 'FailedValidation',
          validationErrors: ['invalid schedule: expected 5 fields'],
        }),
      ],
    });
    expect(coverage.schedules.map(s => s.name)).toEqual(['daily']);
    expect(coverage.reasons[0].message).toMatch(/expected 5 fields/);
  });
});

describe('rule: file-system backup opt-in vs opt-out (shouldPerformFSBackupLegacy, GetVolumesToBackup)', () => {
  const optIn = (volumes: string) => ({
    'backup.velero.io/backup-volumes': volumes,
  });
  const excludes = (volumes: string) => ({
    'backup.velero.io/backup-volumes-excludes': volumes,
  });
  // A backup that does not show the effective value, so config decides.
  const unsetEverywhere = (extra: Partial<Scenario> = {}) =>
    withTemplate(
      { defaultVolumesToFsBackup: undefined },
      {
        backups: [
          k.backup({
            name: 'daily-1',
            schedule: 'daily',
            spec: { includedNamespaces: ['app'] },
          }),
        ],
        ...extra,
      },
    );
  it.each<Row>([
    [
      'opt-in, not annotated',
      withTemplate({ defaultVolumesToFsBackup: false }),
      'unprotected',
      ['not-opted-in-fs-backup', NOT_SNAPSHOTTABLE],
    ],
    [
      'opt-in, annotated',
      withTemplate(
        { defaultVolumesToFsBackup: false },
        { pods: [k.pod({ annotations: optIn('data') })] },
      ),
      'protected',
      [],
    ],
    [
      'opt-in, annotated with a list',
      withTemplate(
        { defaultVolumesToFsBackup: false },
        { pods: [k.pod({ annotations: optIn('cache,data') })] },
      ),
      'protected',
      [],
    ],
    [
      // GetVolumesToBackup: strings.Split(value, ","), no trimming.
      'opt-in list with a space after the comma names " data", not "data"',
      withTemplate(
        { defaultVolumesToFsBackup: false },
        { pods: [k.pod({ annotations: optIn('cache, data') })] },
      ),
      'unprotected',
      ['not-opted-in-fs-backup', 'snapshot-unsupported-volume'],
    ],
    [
      'opt-in, another volume annotated',
      withTemplate(
        { defaultVolumesToFsBackup: false },
        { pods: [k.pod({ annotations: optIn('cache') })] },
      ),
      'unprotected',
      ['not-opted-in-fs-backup', NOT_SNAPSHOTTABLE],
    ],
    [
      'opt-in ignores excludes',
      withTemplate(
        { defaultVolumesToFsBackup: false },
        {
          pods: [
            k.pod({ annotations: { ...optIn('data'), ...excludes('data') } }),
          ],
        },
      ),
      'protected',
      [],
    ],
    [
      'opt-out, excluded',
      withTemplate({}, { pods: [k.pod({ annotations: excludes('data') })] }),
      'unprotected',
      ['excluded-by-annotation', NOT_SNAPSHOTTABLE],
    ],
    [
      'opt-out, other volume excluded',
      withTemplate(
        {},
        { pods: [k.pod({ annotations: excludes('cache,tmp') })] },
      ),
      'protected',
      [],
    ],
    [
      'template unset: server default from config (true)',
      unsetEverywhere(),
      'protected',
      [],
      { defaultVolumesToFsBackup: true },
    ],
    [
      'template unset: server default from config (false)',
      unsetEverywhere(),
      'unprotected',
      ['not-opted-in-fs-backup', NOT_SNAPSHOTTABLE],
      { defaultVolumesToFsBackup: false },
    ],
    [
      'template unset: Velero default is opt-in',
      unsetEverywhere(),
      'unprotected',
      ['not-opted-in-fs-backup', NOT_SNAPSHOTTABLE],
    ],
    [
      'template unset, no backup yet: config decides',
      unsetEverywhere({ backups: [], podVolumeBackups: [] }),
      'stale',
      ['never-backed-up'],
      { defaultVolumesToFsBackup: true },
    ],
    [
      'template unset: the effective value the server wrote into the latest backup',
      withTemplate(
        { defaultVolumesToFsBackup: undefined },
        {
          backups: [
            k.backup({
              name: 'daily-1',
              schedule: 'daily',
              spec: {
                includedNamespaces: ['app'],
                defaultVolumesToFsBackup: true,
              },
            }),
          ],
        },
      ),
      'protected',
      [],
      { defaultVolumesToFsBackup: false },
    ],
    [
      'template wins over the server default',
      withTemplate({ defaultVolumesToFsBackup: false }),
      'unprotected',
      ['not-opted-in-fs-backup', NOT_SNAPSHOTTABLE],
      { defaultVolumesToFsBackup: true },
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it('tells which annotation to add', () => {
    const coverage = predict(withTemplate({ defaultVolumesToFsBackup: false }));
    expect(coverage.reasons[0].message).toMatch(
      /Add backup\.velero\.io\/backup-volumes: data to the pod template/,
    );
  });
});

describe('rule: only volumes mounted by a running pod (BackupPodVolumes, kube.IsPodRunning)', () => {
  it.each<Row>([
    [
      'pod Pending',
      { pods: [k.pod({ phase: 'Pending' })] },
      'unprotected',
      ['no-running-pod', NOT_SNAPSHOTTABLE],
    ],
    [
      'pod Succeeded',
      { pods: [k.pod({ phase: 'Succeeded' })] },
      'unprotected',
      ['no-running-pod', NOT_SNAPSHOTTABLE],
    ],
    [
      'no pod',
      { pods: [] },
      'unprotected',
      ['no-running-pod', NOT_SNAPSHOTTABLE],
    ],
    [
      'one of two pods running',
      { pods: [k.pod({ name: 'job-1', phase: 'Succeeded' }), k.pod()] },
      'protected',
      [],
    ],
    [
      'a pod of another claim',
      { pods: [k.pod({ mounts: { data: 'other' } })] },
      'unprotected',
      ['no-running-pod', NOT_SNAPSHOTTABLE],
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it('says which pods are not running', () => {
    const coverage = predict({ pods: [k.pod({ phase: 'Pending' })] });
    expect(coverage.reasons[0].message).toMatch(
      /none is running \(app-0 is Pending\)/,
    );
  });
});

describe('rule: hostPath volumes are never backed up (BackupPodVolumes isHostPathVolume; takePVSnapshot)', () => {
  const hostPathPv = k.pv({
    source: 'hostPath',
    storageClass: 'storage-local',
    claim: { namespace: 'app', name: 'data' },
  });
  const localPath = k.storageClass({
    name: 'storage-local',
    provisioner: 'rancher.io/local-path',
  });
  const hostPathClaim = k.pvc({ storageClass: 'storage-local' });
  it.each<Row>([
    [
      'local-path hostPath PV',
      { claims: [hostPathClaim], volumes: [hostPathPv], classes: [localPath] },
      'unprotected',
      ['hostpath-volume-unsupported'],
    ],
    [
      'hostPath even when opted in',
      withTemplate(
        { defaultVolumesToFsBackup: false },
        {
          claims: [hostPathClaim],
          volumes: [hostPathPv],
          classes: [localPath],
          pods: [
            k.pod({
              annotations: { 'backup.velero.io/backup-volumes': 'data' },
            }),
          ],
        },
      ),
      'unprotected',
      ['hostpath-volume-unsupported'],
    ],
    [
      'hostPath and no schedule',
      {
        claims: [hostPathClaim],
        volumes: [hostPathPv],
        classes: [localPath],
        schedules: [],
      },
      'unprotected',
      ['hostpath-volume-unsupported', 'no-matching-schedule'],
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it('tells local-path users to switch the class to local volumes', () => {
    const coverage = predict({
      claims: [hostPathClaim],
      volumes: [hostPathPv],
      classes: [localPath],
    });
    expect(coverage.reasons[0].message).toBe(
      'local-path volumes are hostPath volumes, which Velero\'s file-system backup skips and which cannot be snapshotted. Annotate the StorageClass "storage-local" with defaultVolumeType: local (or this claim with volumeType: local) and re-create the volume, or move the data to another tier.',
    );
    expect(coverage.volume).toEqual({ name: 'pv-data', source: 'hostPath' });
  });

  it("recognises the Helm chart's provisioner name too", () => {
    const coverage = predict({
      claims: [hostPathClaim],
      volumes: [hostPathPv],
      classes: [
        k.storageClass({
          name: 'storage-local',
          provisioner: 'cluster.local/local-path-provisioner',
        }),
      ],
    });
    expect(coverage.reasons[0].message).toMatch(
      /^local-path volumes are hostPath volumes/,
    );
  });
});

describe('rule: snapshots only for CSI volumes; data mover evidence (ShouldPerformSnapshot, pvcBackupItemAction)', () => {
  const fsOff = { defaultVolumesToFsBackup: false };
  const csiPv = k.pv({
    source: 'csi',
    storageClass: 'storage-fast',
    claim: { namespace: 'app', name: 'data' },
  });
  it.each<Row>([
    [
      'NFS cannot be snapshotted',
      withTemplate(fsOff, { volumes: [k.pv({ source: 'nfs' })] }),
      'unprotected',
      ['not-opted-in-fs-backup', NOT_SNAPSHOTTABLE],
    ],
    [
      'local cannot be snapshotted',
      withTemplate(fsOff),
      'unprotected',
      ['not-opted-in-fs-backup', NOT_SNAPSHOTTABLE],
    ],
    [
      'snapshots turned off',
      withTemplate({ ...fsOff, snapshotVolumes: false }, { volumes: [csiPv] }),
      'unprotected',
      ['not-opted-in-fs-backup'],
    ],
    [
      'CSI is snapshotted (backup completed)',
      withTemplate(fsOff, { volumes: [csiPv], podVolumeBackups: [] }),
      'protected',
      [],
    ],
    [
      'CSI snapshot: backup partially failed',
      withTemplate(fsOff, {
        volumes: [csiPv],
        podVolumeBackups: [],
        backups: [
          k.backup({
            name: 'daily-1',
            schedule: 'daily',
            phase: 'PartiallyFailed',
            completed: k.hoursAgo(3.5),
          }),
        ],
      }),
      'failing',
      ['backup-failed', 'never-backed-up'],
    ],
    [
      // ShouldPerformSnapshot: a pod's legacy FSB opt-in (here the opt-out
      // default) suppresses the snapshot even though that pod is not in the
      // backup, so neither method copies the volume.
      'CSI claim selected by label, its pod not: FSB default suppresses the snapshot',
      withTemplate(
        { labelSelector: { matchLabels: { backup: 'yes' } } },
        {
          volumes: [csiPv],
          claims: [k.pvc({ labels: { backup: 'yes' } })],
          podVolumeBackups: [],
        },
      ),
      'unprotected',
      ['label-selector-mismatch', 'snapshot-skipped-for-fs-backup'],
    ],
    [
      "CSI selected through the claim's own labels",
      withTemplate(
        { ...fsOff, labelSelector: { matchLabels: { backup: 'yes' } } },
        {
          volumes: [csiPv],
          claims: [k.pvc({ labels: { backup: 'yes' } })],
          podVolumeBackups: [],
        },
      ),
      'protected',
      [],
    ],
    [
      'data mover with a DataUpload',
      withTemplate(
        { ...fsOff, snapshotMoveData: true },
        {
          volumes: [csiPv],
          podVolumeBackups: [],
          dataUploads: [k.dataUpload({ backup: 'daily-1' })],
        },
      ),
      'protected',
      [],
    ],
    [
      'data mover matched by sourceNamespace + sourcePVC',
      withTemplate(
        { ...fsOff, snapshotMoveData: true },
        {
          volumes: [csiPv],
          podVolumeBackups: [],
          dataUploads: [k.dataUpload({ backup: 'daily-1', pvcUid: null })],
        },
      ),
      'protected',
      [],
    ],
    [
      'data mover without a DataUpload',
      withTemplate(
        { ...fsOff, snapshotMoveData: true },
        { volumes: [csiPv], podVolumeBackups: [] },
      ),
      'stale',
      ['never-backed-up'],
    ],
    [
      'data mover upload failed',
      withTemplate(
        { ...fsOff, snapshotMoveData: true },
        {
          volumes: [csiPv],
          podVolumeBackups: [],
          dataUploads: [k.dataUpload({ backup: 'daily-1', phase: 'Failed' })],
        },
      ),
      'failing',
      ['volume-backup-failed', 'never-backed-up'],
    ],
  ])('%s', (...row) => {
    const { actual, expected } = outcome(row);
    expect(actual).toEqual(expected);
  });

  it('reports the method of each covering schedule', () => {
    const snap = evaluateScenario(
      withTemplate(fsOff, { volumes: [csiPv], podVolumeBackups: [] }),
    );
    expect(snap.schedules).toEqual([
      {
        name: 'daily',
        cron: '0 2 * * *',
        method: 'snapshot',
        storageLocation: 'default',
      },
    ]);
    expect(snap.lastSuccessfulBackup).toMatchObject({
      backup: 'daily-1',
      method: 'snapshot',
      phase: 'Completed',
    });
    const mover = evaluateScenario(
      withTemplate(
        { ...fsOff, snapshotMoveData: true },
        {
          volumes: [csiPv],
          podVolumeBackups: [],
          dataUploads: [k.dataUpload({ backup: 'daily-1' })],
        },
      ),
    );
    expect(mover.schedules[0].method).toBe('data-mover');
    expect(mover.lastSuccessfulBackup).toMatchObject({
      backup: 'daily-1',
      method: 'data-mover',
      schedule: 'daily',
    });
    const fs = evaluateScenario();
    expect(fs.schedules[0].method).toBe('fs-backup');
  });

  it('names the volume type that cannot be snapshotted', () => {
    const coverage = predict(
      withTemplate(fsOff, { volumes: [k.pv({ source: 'nfs' })] }),
    );
    expect(coverage.reasons[1].message).toMatch(
      /NFS volumes cannot be snapshotted/,
    );
  });
});

describe('rule: unbound claims', () => {
  it('has no data to back up yet', () => {
    const coverage = predict({
      claims: [k.pvc({ volume: null })],
      volumes: [],
      pods: [k.pod({ phase: 'Pending' })],
    });
    expect(coverage.verdict).toBe('unprotected');
    expect(codes(coverage)).toEqual(['volume-unbound', 'no-running-pod']);
    expect(coverage.volume).toEqual({ source: 'unbound' });
  });
});
