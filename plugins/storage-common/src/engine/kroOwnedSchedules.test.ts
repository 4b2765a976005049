import * as k from '../testing/objects';
import { evaluateScenario } from '../testing/scenario';
import { kroOwnerOf } from '../velero/kroOwner';

/** The labels kro v0.9.3 puts on a Schedule of the BackupPolicy app/backup. */
const KRO_LABELS = {
  'app.kubernetes.io/managed-by': 'kro',
  'kro.run/owned': 'true',
  'kro.run/instance-kind': 'BackupPolicy',
  'kro.run/instance-name': 'backup',
  'kro.run/instance-namespace': 'app',
  'kro.run/instance-group': 'kro.run',
  'kro.run/instance-version': 'v1alpha1',
  'kro.run/resource-graph-definition-name': 'backup-policy',
  'kro.run/node-id': 'schedule',
};

function labelled(
  labels: Record<string, string>,
  o: Parameters<typeof k.schedule>[0] = {},
) {
  const schedule = k.schedule(o);
  return { ...schedule, metadata: { ...schedule.metadata, labels } };
}

describe('Schedules that kro manages', () => {
  it('are covering schedules like any other, with the BackupPolicy that owns them', () => {
    const coverage = evaluateScenario({ schedules: [labelled(KRO_LABELS)] });
    expect(coverage.verdict).toBe('protected');
    expect(coverage.schedules).toEqual([
      expect.objectContaining({
        name: 'daily',
        owner: {
          kind: 'BackupPolicy',
          name: 'backup',
          namespace: 'app',
          graph: 'backup-policy',
        },
      }),
    ]);
  });

  it('have no owner without kro’s labels', () => {
    const coverage = evaluateScenario({ schedules: [k.schedule()] });
    expect(coverage.schedules).toHaveLength(1);
    expect(coverage.schedules[0].owner).toBeUndefined();
  });

  it('when paused, say to change the BackupPolicy (kro undoes edits of the Schedule)', () => {
    const coverage = evaluateScenario({
      schedules: [labelled(KRO_LABELS, { paused: true })],
    });
    const paused = coverage.reasons.find(r => r.code === 'schedule-paused');
    expect(paused?.scheduleOwner).toEqual({
      kind: 'BackupPolicy',
      name: 'backup',
      namespace: 'app',
      graph: 'backup-policy',
    });
    expect(paused?.message).toMatch(
      /kro manages it for BackupPolicy app\/backup: set paused: false in that BackupPolicy/,
    );
  });
});

describe('kroOwnerOf (kro v0.9.3 IsKROOwned and instance labels)', () => {
  it('reads the instance; a cluster-scoped one has no namespace', () => {
    const { 'kro.run/instance-namespace': _ns, ...clusterScoped } = KRO_LABELS;
    expect(kroOwnerOf(clusterScoped)).toEqual({
      kind: 'BackupPolicy',
      name: 'backup',
      graph: 'backup-policy',
    });
  });

  it('needs kro.run/owned "true", or managed-by kro when that label is absent', () => {
    expect(kroOwnerOf({ ...KRO_LABELS, 'kro.run/owned': 'false' })).toBe(
      undefined,
    );
    const { 'kro.run/owned': _owned, ...managedOnly } = KRO_LABELS;
    expect(kroOwnerOf(managedOnly)?.name).toBe('backup');
    expect(
      kroOwnerOf({ ...managedOnly, 'app.kubernetes.io/managed-by': 'argocd' }),
    ).toBeUndefined();
  });

  it('needs the instance kind and name', () => {
    const { 'kro.run/instance-name': _name, ...noName } = KRO_LABELS;
    expect(kroOwnerOf(noName)).toBeUndefined();
    expect(kroOwnerOf({})).toBeUndefined();
  });
});
