import * as k from '../testing/objects';
import {
  codes,
  evaluateScenario,
  verdictAndCodes,
  type Scenario,
  type VerdictRow,
} from '../testing/scenario';
import type { EvaluationContext } from './context';

/**
 * Velero 1.18.1's decisions as the evaluator applies them, one row per rule,
 * each naming the Velero function it mirrors. Rows are checked on the
 * prediction alone (no per-volume records), so the model is what is tested.
 */
type Row = VerdictRow;

function predict(changes: Partial<Scenario>, ctx?: Partial<EvaluationContext>) {
  const coverage = evaluateScenario(
    { podVolumeBackups: [], dataUploads: [], backups: [], ...changes },
    ctx,
  );
  return verdictAndCodes(coverage);
}

const template = (extra: Record<string, unknown>) => ({
  schedules: [
    k.schedule({
      template: {
        includedNamespaces: ['app'],
        defaultVolumesToFsBackup: true,
        ...extra,
      },
    }),
  ],
});
const csiPv = k.pv({
  source: 'csi',
  claim: { namespace: 'app', name: 'data' },
});
const EXCLUDE = { 'velero.io/exclude-from-backup': 'true' };

function run(rows: Row[]) {
  it.each<Row>(rows)('%s', (...row) => {
    const [, changes, verdict, expected, ctx] = row;
    expect(predict(changes, ctx)).toEqual({ verdict, codes: expected });
  });
}

describe('velero.io/exclude-from-backup (prepareBackupRequest, itemInclusionChecks)', () => {
  run([
    [
      'namespace labelled: Velero adds it to the excluded namespaces',
      {
        ...template({ includedNamespaces: ['*'] }),
        others: [k.namespaceObject('app', EXCLUDE)],
      },
      'unprotected',
      ['namespace-excluded-by-label'],
    ],
    [
      'namespace labelled and listed in includedNamespaces: every Backup FailedValidation',
      { ...template({}), others: [k.namespaceObject('app', EXCLUDE)] },
      'failing',
      ['schedule-failed-validation', 'never-backed-up'],
    ],
    [
      'label value must be exactly "true"',
      {
        ...template({}),
        others: [
          k.namespaceObject('app', { 'velero.io/exclude-from-backup': 'True' }),
        ],
      },
      'stale',
      ['never-backed-up'],
    ],
    [
      'pod labelled: its volumes get no file-system backup',
      {
        ...template({}),
        pods: [k.pod({ labels: { app: 'app', ...EXCLUDE } })],
      },
      'unprotected',
      ['excluded-by-label', 'snapshot-unsupported-volume'],
    ],
    [
      'claim labelled: no CSI snapshot of it',
      {
        ...template({ defaultVolumesToFsBackup: false }),
        volumes: [csiPv],
        claims: [k.pvc({ labels: EXCLUDE })],
      },
      'unprotected',
      ['not-opted-in-fs-backup', 'excluded-by-label'],
    ],
  ]);
});

describe('templates whose every Backup fails validation (prepareBackupRequest)', () => {
  run([
    [
      'labelSelector and orLabelSelectors together',
      template({
        labelSelector: { matchLabels: { app: 'app' } },
        orLabelSelectors: [],
      }),
      'failing',
      ['schedule-failed-validation', 'never-backed-up'],
    ],
    [
      'old and new resource filters together (oldAndNewFilterParametersUsedTogether)',
      template({
        excludedResources: ['secrets'],
        excludedNamespaceScopedResources: ['configmaps'],
      }),
      'failing',
      ['schedule-failed-validation', 'never-backed-up'],
    ],
    [
      "'*' with other includes (ValidateIncludesExcludes)",
      template({ includedResources: ['*', 'pods'] }),
      'failing',
      ['schedule-failed-validation', 'never-backed-up'],
    ],
    [
      // The intent reaches app, but Velero rejects braces: every Backup fails.
      'brace glob in a namespace (wildcard.ValidateNamespaceName)',
      template({ includedNamespaces: ['{app,web}'] }),
      'failing',
      ['schedule-failed-validation', 'never-backed-up'],
    ],
    [
      'valid glob plus an invalid one: the schedule still reaches app, and fails',
      template({ includedNamespaces: ['ap?', 'a**'] }),
      'failing',
      ['schedule-failed-validation', 'never-backed-up'],
    ],
    [
      'cron with six fields (parseCronSchedule)',
      { schedules: [k.schedule({ cron: '0 0 2 * * *' })] },
      'failing',
      ['schedule-failed-validation', 'never-backed-up'],
    ],
    [
      'read-only storage location',
      { locations: [k.bsl({ accessMode: 'ReadOnly' })] },
      'failing',
      ['bsl-unavailable', 'never-backed-up'],
    ],
  ]);
});

const policy = (yaml: string) => ({
  ...template({ resourcePolicy: { kind: 'configmap', name: 'volume-policy' } }),
  others: [k.configMap('volume-policy', { policy: yaml })],
});

describe('volume policies (resourcepolicies, ShouldPerformFSBackup, BackupPodVolumes)', () => {
  run([
    [
      'skip matches: neither FSB nor snapshot',
      policy(
        'version: v1\nvolumePolicies:\n  - conditions: {storageClass: [storage-fast]}\n    action: {type: skip}\n',
      ),
      'unprotected',
      ['volume-policy-skip'],
    ],
    [
      'fs-backup beats the opt-in annotations',
      {
        ...policy(
          'version: v1\nvolumePolicies:\n  - conditions: {}\n    action: {type: fs-backup}\n',
        ),
        schedules: [
          k.schedule({
            template: {
              includedNamespaces: ['app'],
              defaultVolumesToFsBackup: false,
              resourcePolicy: { kind: 'ConfigMap', name: 'volume-policy' },
            },
          }),
        ],
      },
      'stale',
      ['never-backed-up'],
    ],
    [
      'snapshot chosen for a local volume: impossible, and FSB is off for it',
      policy(
        'version: v1\nvolumePolicies:\n  - conditions: {}\n    action: {type: snapshot}\n',
      ),
      'unprotected',
      ['volume-policy-snapshot'],
    ],
    [
      'first match wins',
      policy(
        'version: v1\nvolumePolicies:\n  - conditions: {capacity: "0,100Gi"}\n    action: {type: fs-backup}\n  - conditions: {}\n    action: {type: skip}\n',
      ),
      'stale',
      ['never-backed-up'],
    ],
    [
      'ConfigMap missing: every Backup FailedValidation',
      {
        ...template({
          resourcePolicy: { kind: 'configmap', name: 'volume-policy' },
        }),
      },
      'failing',
      ['schedule-failed-validation', 'never-backed-up'],
    ],
    [
      'invalid policy (unknown field): every Backup FailedValidation',
      policy(
        'version: v1\nvolumePolicies:\n  - conditions: {size: 1Gi}\n    action: {type: skip}\n',
      ),
      'failing',
      ['schedule-failed-validation', 'never-backed-up'],
    ],
    [
      'a resourcePolicy of another kind is ignored (GetResourcePoliciesFromBackup)',
      {
        ...template({
          resourcePolicy: { kind: 'Secret', name: 'volume-policy' },
        }),
      },
      'stale',
      ['never-backed-up'],
    ],
  ]);

  it('is unknown while ConfigMaps cannot be read', () => {
    const coverage = evaluateScenario(
      policy('version: v1\nvolumePolicies: []\n'),
      {},
      state => state.setReadability('ConfigMap', { status: 'forbidden' }),
    );
    expect(coverage.verdict).toBe('unknown');
    expect(codes(coverage)).toEqual(['velero-unreadable']);
  });
});

describe('which pod volumes get file-system backup (BackupPodVolumes, IsPodRunning)', () => {
  run([
    [
      'pod not scheduled to a node',
      { ...template({}), pods: [k.pod({ nodeName: null })] },
      'unprotected',
      ['no-running-pod', 'snapshot-unsupported-volume'],
    ],
    [
      'pod being deleted',
      { ...template({}), pods: [k.pod({ deleting: true })] },
      'unprotected',
      ['no-running-pod', 'snapshot-unsupported-volume'],
    ],
    [
      'declared but not mounted by a container',
      { ...template({}), pods: [k.pod({ unmounted: ['data'] })] },
      'unprotected',
      ['volume-not-mounted', 'snapshot-unsupported-volume'],
    ],
    [
      'raw block device',
      { ...template({}), pods: [k.pod({ devices: ['data'] })] },
      'unprotected',
      ['block-volume-unsupported', 'snapshot-unsupported-volume'],
    ],
    [
      'PVCs excluded: shouldIncludeVolumeInBackup drops claim volumes',
      template({ excludedResources: ['persistentvolumeclaims'] }),
      'unprotected',
      ['resource-filter-excludes', 'snapshot-unsupported-volume'],
    ],
  ]);
});

describe('snapshots (ShouldPerformSnapshot, pvcBackupItemAction)', () => {
  const fsOff = template({ defaultVolumesToFsBackup: false });
  run([
    [
      'CSI volume, CSI feature on',
      { ...fsOff, volumes: [csiPv] },
      'stale',
      ['never-backed-up'],
    ],
    [
      'server without EnableCSI',
      { ...fsOff, volumes: [csiPv] },
      'unprotected',
      ['not-opted-in-fs-backup', 'csi-snapshots-disabled'],
      { csiFeatureEnabled: false },
    ],
    [
      'claim without a storage class',
      { ...fsOff, volumes: [csiPv], claims: [k.pvc({ storageClass: '' })] },
      'unprotected',
      ['not-opted-in-fs-backup', 'snapshot-needs-storage-class'],
    ],
    [
      'data mover from the server default',
      { ...fsOff, volumes: [csiPv] },
      'stale',
      ['never-backed-up'],
      { defaultSnapshotMoveData: true },
    ],
  ]);

  it('reports the data mover when the server moves snapshot data', () => {
    const coverage = evaluateScenario(
      { ...fsOff, volumes: [csiPv], podVolumeBackups: [], backups: [] },
      { defaultSnapshotMoveData: true },
    );
    expect(coverage.schedules.map(s => s.method)).toEqual(['data-mover']);
  });
});
