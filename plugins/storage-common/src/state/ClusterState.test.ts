import * as k from '../testing/objects';
import { protectedScenario, stateOf } from '../testing/scenario';
import { ClusterState } from './ClusterState';
import { EVIDENCE_DEPTH } from './evidence';
import { InvalidObjectError } from '../kube/objects';

function sorted(keys: ReadonlySet<string>): string[] {
  return [...keys].sort();
}

/** Two namespaces, three claims; pod app-0 mounts app/data. */
function twoNamespaces(strict = false): ClusterState {
  const state = strict
    ? new ClusterState({ strict })
    : stateOf(protectedScenario());
  if (strict) {
    for (const object of Object.values(protectedScenario()).flat())
      state.apply({ type: 'ADDED', object });
  }
  state.apply({ type: 'ADDED', object: k.pvc({ name: 'logs' }) });
  state.apply({
    type: 'ADDED',
    object: k.pvc({ namespace: 'other', name: 'db' }),
  });
  return state;
}

describe('ClusterState.apply: which claims may have changed', () => {
  it('a claim event affects that claim, also when it is deleted', () => {
    const state = new ClusterState();
    expect(sorted(state.apply({ type: 'ADDED', object: k.pvc() }))).toEqual([
      'app/data',
    ]);
    expect(state.claim('app/data')?.uid).toBe('uid-app-data');
    expect(sorted(state.apply({ type: 'DELETED', object: k.pvc() }))).toEqual([
      'app/data',
    ]);
    expect(state.claim('app/data')).toBeUndefined();
    expect(state.claimKeyByUid('uid-app-data')).toBeUndefined();
    expect([...state.claimKeysInNamespace('app')]).toEqual([]);
  });

  it('a pod event affects the claims it mounts, before and after', () => {
    const state = twoNamespaces();
    const moved = k.pod({ mounts: { data: 'logs' } });
    expect(sorted(state.apply({ type: 'MODIFIED', object: moved }))).toEqual([
      'app/data',
      'app/logs',
    ]);
    expect(state.podsMounting('app/data')).toEqual([]);
    expect(state.podsMounting('app/logs').map(p => p.name)).toEqual(['app-0']);
    expect(sorted(state.apply({ type: 'DELETED', object: moved }))).toEqual([
      'app/logs',
    ]);
    expect(state.podsMounting('app/logs')).toEqual([]);
  });

  it('a pod mounting an unknown claim affects nothing', () => {
    const state = twoNamespaces();
    expect(
      sorted(
        state.apply({
          type: 'ADDED',
          object: k.pod({ name: 'x', mounts: { v: 'nope' } }),
        }),
      ),
    ).toEqual([]);
  });

  it('a generic ephemeral volume counts as a claim named after pod and volume', () => {
    const state = new ClusterState();
    state.apply({ type: 'ADDED', object: k.pvc({ name: 'runner-0-scratch' }) });
    const pod = k.pod({ name: 'runner-0', mounts: {} });
    pod.spec.volumes.push({
      name: 'scratch',
      ephemeral: { volumeClaimTemplate: {} },
    } as never);
    expect(sorted(state.apply({ type: 'ADDED', object: pod }))).toEqual([
      'app/runner-0-scratch',
    ]);
  });

  it('a volume event affects the claim bound to it', () => {
    const state = twoNamespaces();
    expect(
      sorted(
        state.apply({ type: 'MODIFIED', object: k.pv({ source: 'nfs' }) }),
      ),
    ).toEqual(['app/data']);
    expect(state.volume('pv-data')?.source).toBe('nfs');
  });

  it('a StorageClass event affects the claims of that class', () => {
    const state = twoNamespaces();
    state.apply({
      type: 'ADDED',
      object: k.pvc({ name: 'nfs', storageClass: 'storage-nfs' }),
    });
    expect(
      sorted(
        state.apply({
          type: 'MODIFIED',
          object: k.storageClass({ name: 'storage-nfs', tier: 'nfs' }),
        }),
      ),
    ).toEqual(['app/nfs']);
  });

  it('schedule and backup events affect the claims in their namespaces only', () => {
    const state = twoNamespaces();
    expect(
      sorted(state.apply({ type: 'MODIFIED', object: k.schedule() })),
    ).toEqual(['app/data', 'app/logs']);
    const everywhere = k.schedule({
      name: 'all',
      template: { includedNamespaces: ['*'], excludedNamespaces: ['app'] },
    });
    expect(sorted(state.apply({ type: 'ADDED', object: everywhere }))).toEqual([
      'other/db',
    ]);
    expect(
      sorted(
        state.apply({
          type: 'ADDED',
          object: k.backup({ name: 'daily-2', schedule: 'daily' }),
        }),
      ),
    ).toEqual(['app/data', 'app/logs']);
  });

  it('a schedule that moves namespaces affects both', () => {
    const state = twoNamespaces();
    const moved = k.schedule({ template: { includedNamespaces: ['other'] } });
    expect(sorted(state.apply({ type: 'MODIFIED', object: moved }))).toEqual([
      'app/data',
      'app/logs',
      'other/db',
    ]);
  });

  it('a storage location event affects every claim', () => {
    const state = twoNamespaces();
    expect(
      sorted(
        state.apply({
          type: 'MODIFIED',
          object: k.bsl({ phase: 'Unavailable' }),
        }),
      ),
    ).toEqual(['app/data', 'app/logs', 'other/db']);
  });

  it('a PodVolumeBackup affects the claim it copied, by uid or by pod volume', () => {
    const state = twoNamespaces();
    expect(
      sorted(
        state.apply({ type: 'ADDED', object: k.pvb({ backup: 'daily-2' }) }),
      ),
    ).toEqual(['app/data']);
    expect(
      sorted(
        state.apply({
          type: 'ADDED',
          object: k.pvb({ backup: 'daily-3', pvcUid: null }),
        }),
      ),
    ).toEqual(['app/data']);
    expect(
      sorted(
        state.apply({
          type: 'ADDED',
          object: k.pvb({ backup: 'x', pvcUid: 'uid-unknown' }),
        }),
      ),
    ).toEqual([]);
  });

  it('a DataUpload affects the claim it copied, by uid or source claim', () => {
    const state = twoNamespaces();
    expect(
      sorted(
        state.apply({ type: 'ADDED', object: k.dataUpload({ backup: 'b1' }) }),
      ),
    ).toEqual(['app/data']);
    expect(
      sorted(
        state.apply({
          type: 'ADDED',
          object: k.dataUpload({
            backup: 'b2',
            pvcUid: null,
            sourceNamespace: 'other',
            sourcePVC: 'db',
          }),
        }),
      ),
    ).toEqual(['other/db']);
  });

  it('namespaces do not change verdicts', () => {
    const state = twoNamespaces();
    const namespace = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'app', labels: { team: 'x' } },
    };
    expect(sorted(state.apply({ type: 'ADDED', object: namespace }))).toEqual(
      [],
    );
    expect(state.namespace('app')?.labels).toEqual({ team: 'x' });
  });

  it('ignores kinds and API groups it does not read', () => {
    const state = new ClusterState();
    expect(
      state.apply({
        type: 'ADDED',
        object: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'x' },
        },
      }).size,
    ).toBe(0);
    expect(
      state.apply({
        type: 'ADDED',
        object: {
          apiVersion: 'example.com/v1',
          kind: 'Backup',
          metadata: { name: 'x', namespace: 'y' },
        },
      }).size,
    ).toBe(0);
    expect(
      state.apply({
        type: 'ADDED',
        object: { apiVersion: 'v1', kind: 'constructor' },
      }).size,
    ).toBe(0);
    expect(state.counts().Backup).toBe(0);
  });

  it('in strict mode (snapshots), rejects a malformed object and changes nothing', () => {
    const state = twoNamespaces(true);
    const revision = state.revision;
    const noName = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { namespace: 'app' },
    };
    expect(() => state.apply({ type: 'ADDED', object: noName })).toThrow(
      InvalidObjectError,
    );
    expect(() => state.apply({ type: 'ADDED', object: noName })).toThrow(
      'PersistentVolumeClaim app/<no name>: metadata.name is missing',
    );
    const noNamespace = k.pod();
    delete (noNamespace.metadata as { namespace?: string }).namespace;
    expect(() => state.apply({ type: 'ADDED', object: noNamespace })).toThrow(
      'metadata.namespace is missing',
    );
    expect(() =>
      state.apply({ type: 'BOOKMARK' as never, object: k.pvc() }),
    ).toThrow(/ADDED, MODIFIED or DELETED/);
    expect(state.revision).toBe(revision);
    expect(state.counts().PersistentVolumeClaim).toBe(3);
  });

  it('skips and counts malformed objects, keeping everything else', () => {
    const state = twoNamespaces();
    const revision = state.revision;
    const malformed = [
      { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: null },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { namespace: 'app', name: 'x'.repeat(200_000) },
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { namespace: 'Bad_NS', name: 'x' },
      },
    ];
    for (const object of malformed) {
      expect(state.apply({ type: 'ADDED', object }).size).toBe(0);
    }
    expect(
      state.apply({ type: 'GARBAGE' as never, object: k.pvc() }).size,
    ).toBe(0);
    expect(state.skipped('PersistentVolumeClaim').count).toBe(4);
    expect(state.skipped('PersistentVolumeClaim').lastReason).toMatch(
      /ADDED, MODIFIED or DELETED/,
    );
    expect(state.skipped('Pod').count).toBe(0);
    expect(state.revision).toBe(revision);
    expect(sorted(new Set(state.claimKeys()))).toEqual([
      'app/data',
      'app/logs',
      'other/db',
    ]);
  });

  it('keeps the newest resourceVersion of objects that share a uid', () => {
    const state = new ClusterState();
    const older = k.pvc({ name: 'a', uid: 'same' });
    const newer = k.pvc({ name: 'b', uid: 'same' });
    (older.metadata as Record<string, unknown>).resourceVersion = '10';
    (newer.metadata as Record<string, unknown>).resourceVersion = '9';
    state.apply({ type: 'ADDED', object: older });
    // b is older (9 < 10): refused.
    expect(state.apply({ type: 'ADDED', object: newer }).size).toBe(0);
    expect([...state.claimKeys()]).toEqual(['app/a']);
    expect(state.skipped('PersistentVolumeClaim').count).toBe(1);
    // A newer b displaces a.
    (newer.metadata as Record<string, unknown>).resourceVersion = '11';
    expect(sorted(state.apply({ type: 'ADDED', object: newer }))).toEqual([
      'app/a',
      'app/b',
    ]);
    expect([...state.claimKeys()]).toEqual(['app/b']);
    expect(state.claimKeyByUid('same')).toBe('app/b');
  });
});

describe('ClusterState evidence folding', () => {
  it('keeps a bounded history per volume however many backups arrive', () => {
    const state = stateOf({ ...protectedScenario(), podVolumeBackups: [] });
    for (let i = 0; i < 500; i++) {
      const started = new Date(
        Date.parse(k.NOW) - (500 - i) * 3600_000,
      ).toISOString();
      state.apply({
        type: 'ADDED',
        object: k.pvb({
          name: `pvb-${i}`,
          backup: `b-${i}`,
          started,
          completed: started,
          phase: i % 2 ? 'Completed' : 'Failed',
        }),
      });
    }
    const evidence = state.evidenceFor('app/data');
    expect(evidence.recent.map(e => e.backup)).toEqual([
      'b-499',
      'b-498',
      'b-497',
    ]);
    expect(evidence.completed.map(e => e.backup)).toEqual([
      'b-499',
      'b-497',
      'b-495',
    ]);
    expect(evidence.recent).toHaveLength(EVIDENCE_DEPTH);
    expect(state.counts().evidenceEntries).toBeLessThanOrEqual(
      2 * EVIDENCE_DEPTH,
    );
    expect(state.counts().PodVolumeBackup).toBe(0);
  });

  it('updates a copy in place when its phase changes, and forgets it when deleted', () => {
    const state = stateOf({ ...protectedScenario(), podVolumeBackups: [] });
    state.apply({
      type: 'ADDED',
      object: k.pvb({ backup: 'daily-1', phase: 'InProgress' }),
    });
    expect(state.evidenceFor('app/data').completed).toEqual([]);
    state.apply({
      type: 'MODIFIED',
      object: k.pvb({ backup: 'daily-1', phase: 'Completed' }),
    });
    expect(state.evidenceFor('app/data').recent.map(e => e.phase)).toEqual([
      'Completed',
    ]);
    expect(state.evidenceFor('app/data').completed.map(e => e.backup)).toEqual([
      'daily-1',
    ]);
    expect(
      sorted(
        state.apply({ type: 'DELETED', object: k.pvb({ backup: 'daily-1' }) }),
      ),
    ).toEqual(['app/data']);
    expect(state.evidenceFor('app/data')).toEqual({
      recent: [],
      completed: [],
    });
    expect(state.counts().volumesWithEvidence).toBe(0);
  });

  it('an older copy than everything kept changes nothing', () => {
    const state = stateOf(protectedScenario());
    for (let i = 0; i < EVIDENCE_DEPTH; i++) {
      state.apply({
        type: 'ADDED',
        object: k.pvb({
          name: `new-${i}`,
          backup: `n-${i}`,
          started: k.hoursAgo(i),
        }),
      });
    }
    expect(
      state.apply({
        type: 'ADDED',
        object: k.pvb({
          name: 'ancient',
          backup: 'old',
          started: k.hoursAgo(1000),
          completed: k.hoursAgo(999),
        }),
      }).size,
    ).toBe(0);
  });

  it('reads the full backup name from spec.tags when the label is cut short', () => {
    const state = new ClusterState();
    state.apply({ type: 'ADDED', object: k.pvc() });
    const object = k.pvb({ backup: 'short' });
    (object.spec as Record<string, unknown>).tags = {
      backup:
        'a-very-long-backup-name-that-velero-had-to-shorten-in-its-label-x',
    };
    state.apply({ type: 'ADDED', object });
    expect(state.evidenceFor('app/data').recent[0].backup).toBe(
      'a-very-long-backup-name-that-velero-had-to-shorten-in-its-label-x',
    );
  });
});

describe('ClusterState.replaceAll (relist)', () => {
  it('replaces every object of a kind and returns every claim', () => {
    const state = twoNamespaces();
    const changed = state.replaceAll('PersistentVolumeClaim', [
      k.pvc({ name: 'new' }),
      k.pod(),
    ]);
    expect(sorted(changed)).toEqual([
      'app/data',
      'app/logs',
      'app/new',
      'other/db',
    ]);
    expect([...state.claimKeys()]).toEqual(['app/new']);
  });

  it('refolds evidence of one kind and keeps the other', () => {
    const state = stateOf({
      ...protectedScenario(),
      dataUploads: [k.dataUpload({ backup: 'mover-1' })],
    });
    state.replaceAll('PodVolumeBackup', [k.pvb({ backup: 'daily-9' })]);
    const evidence = state.evidenceFor('app/data');
    expect(evidence.recent.map(e => `${e.method}:${e.backup}`).sort()).toEqual([
      'data-mover:mover-1',
      'fs-backup:daily-9',
    ]);
  });

  it('in strict mode, validates everything first: a malformed object changes nothing', () => {
    const state = twoNamespaces(true);
    const bad = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {},
    };
    expect(() =>
      state.replaceAll('PersistentVolumeClaim', [k.pvc({ name: 'x' }), bad]),
    ).toThrow(InvalidObjectError);
    expect([...state.claimKeys()].sort()).toEqual([
      'app/data',
      'app/logs',
      'other/db',
    ]);
    const badPvb = {
      apiVersion: 'velero.io/v1',
      kind: 'PodVolumeBackup',
      metadata: { name: 'x' },
    };
    expect(() =>
      state.replaceAll('PodVolumeBackup', [k.pvb({ backup: 'z' }), badPvb]),
    ).toThrow(InvalidObjectError);
    expect(state.evidenceFor('app/data').recent.map(e => e.backup)).toEqual([
      'daily-1',
    ]);
  });

  it('skips malformed objects of a relist and counts them afresh', () => {
    const state = twoNamespaces();
    const bad = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: null,
    };
    state.replaceAll('PersistentVolumeClaim', [k.pvc({ name: 'x' }), bad, bad]);
    expect([...state.claimKeys()]).toEqual(['app/x']);
    expect(state.skipped('PersistentVolumeClaim').count).toBe(2);
    state.replaceAll('PersistentVolumeClaim', [k.pvc({ name: 'x' })]);
    expect(state.skipped('PersistentVolumeClaim').count).toBe(0);
    const badPvb = {
      apiVersion: 'velero.io/v1',
      kind: 'PodVolumeBackup',
      metadata: { name: 'x' },
    };
    state.replaceAll('PodVolumeBackup', [k.pvb({ backup: 'z' }), badPvb]);
    expect(state.skipped('PodVolumeBackup').count).toBe(1);
  });

  it('resolves duplicate uids in a relist by the newest resourceVersion', () => {
    const state = new ClusterState();
    const a = k.pvc({ name: 'a', uid: 'same' });
    const b = k.pvc({ name: 'b', uid: 'same' });
    (a.metadata as Record<string, unknown>).resourceVersion = '12';
    (b.metadata as Record<string, unknown>).resourceVersion = '7';
    state.replaceAll('PersistentVolumeClaim', [a, b]);
    expect([...state.claimKeys()]).toEqual(['app/a']);
    state.replaceAll('PersistentVolumeClaim', [b, a]);
    expect([...state.claimKeys()]).toEqual(['app/a']);
    expect(state.skipped('PersistentVolumeClaim').count).toBe(1);
  });
});

describe('ClusterState.replaceFolded (streamed relist of evidence)', () => {
  it('drops evidence whose objects are gone, only when the relist finishes', () => {
    const state = twoNamespaces();
    expect(state.evidenceFor('app/data').recent).toHaveLength(1);
    const relist = state.replaceFolded('PodVolumeBackup');
    relist.add({
      apiVersion: 'velero.io/v1',
      kind: 'PodVolumeBackup',
      metadata: null,
    });
    expect(state.evidenceFor('app/data').recent).toHaveLength(1);
    expect(sorted(relist.finish())).toEqual([
      'app/data',
      'app/logs',
      'other/db',
    ]);
    expect(state.evidenceFor('app/data').recent).toHaveLength(0);
    expect(state.skipped('PodVolumeBackup').count).toBe(1);
  });

  it('keeps what the relist lists', () => {
    const state = twoNamespaces();
    const relist = state.replaceFolded('PodVolumeBackup');
    relist.add(k.pvb({ backup: 'daily-2' }));
    relist.finish();
    expect(state.evidenceFor('app/data').recent.map(e => e.backup)).toEqual([
      'daily-2',
    ]);
  });
});

describe('ClusterState freshness', () => {
  it('remembers when each kind was last confirmed, never moving back', () => {
    const state = new ClusterState();
    expect(state.confirmedAt('Backup')).toBeUndefined();
    state.confirm('Backup', 2000);
    state.confirm('Backup', 1000);
    expect(state.confirmedAt('Backup')).toBe(2000);
    expect(state.confirmedAt('Pod')).toBeUndefined();
  });
});

describe('ClusterState readability', () => {
  it('reports a change of readability or reachability once, for every claim', () => {
    const state = twoNamespaces();
    expect(state.readability('Backup')).toEqual({ status: 'readable' });
    expect(state.setReadability('Backup', { status: 'forbidden' }).size).toBe(
      3,
    );
    expect(state.setReadability('Backup', { status: 'forbidden' }).size).toBe(
      0,
    );
    expect(
      state.setReachability({ reachable: false, message: 'timeout' }).size,
    ).toBe(3);
    expect(state.reachability()).toEqual({
      reachable: false,
      message: 'timeout',
    });
    expect(
      state.setReachability({ reachable: false, message: 'timeout' }).size,
    ).toBe(0);
  });
});

describe('ClusterState reads', () => {
  it("lists a schedule's backups newest first", () => {
    const state = new ClusterState();
    for (const [name, hours] of [
      ['d-1', 50],
      ['d-3', 2],
      ['d-2', 26],
    ] as const) {
      state.apply({
        type: 'ADDED',
        object: k.backup({
          name,
          schedule: 'daily',
          started: k.hoursAgo(hours),
        }),
      });
    }
    state.apply({
      type: 'ADDED',
      object: k.backup({ name: 'manual', started: k.hoursAgo(1) }),
    });
    expect(state.backupsOfSchedule('velero', 'daily').map(b => b.name)).toEqual(
      ['d-3', 'd-2', 'd-1'],
    );
    state.apply({
      type: 'DELETED',
      object: k.backup({ name: 'd-3', schedule: 'daily' }),
    });
    expect(state.backupsOfSchedule('velero', 'daily').map(b => b.name)).toEqual(
      ['d-2', 'd-1'],
    );
  });
});
