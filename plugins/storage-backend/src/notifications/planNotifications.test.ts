import type { RecordedTransition } from '../history/types';
import { DEFAULT_SEVERITY } from './notificationConfig';
import { lastKnownVerdicts } from './lastKnownVerdicts';
import { notificationKindOf, planNotifications } from './planNotifications';

function transition(
  over: Partial<RecordedTransition> = {},
): RecordedTransition {
  return {
    volume: {
      cluster: 'prod',
      namespace: 'orders',
      name: 'data-orders-db-1',
      uid: 'u1',
    },
    seq: 2,
    from: 'protected',
    to: 'failing',
    reasons: [
      {
        code: 'volume-backup-failed',
        message: 'The PodVolumeBackup of this volume failed.',
      },
    ],
    at: '2026-11-26T02:40:00Z',
    demo: false,
    entityRefs: ['component:default/orders-service'],
    owners: ['group:default/team-orders'],
    ...over,
  };
}

const config = { severity: DEFAULT_SEVERITY };
const plan = (batch: RecordedTransition[], optedOut: string[] = []) =>
  planNotifications(batch, { config, optedOut: r => optedOut.includes(r) });

describe('notificationKindOf', () => {
  it.each([
    ['protected', 'failing', undefined, undefined, 'failing'],
    ['protected', 'unprotected', undefined, undefined, 'unprotected'],
    ['protected', 'stale', undefined, undefined, 'stale'],
    ['stale', 'failing', undefined, undefined, 'failing'], // bad in a new way
    ['failing', 'failing', undefined, undefined, undefined], // reasons changed only
    ['failing', 'protected', undefined, undefined, 'resolved'],
    ['unprotected', 'waived', undefined, undefined, 'resolved'],
    ['failing', 'unknown', undefined, undefined, undefined], // data unreadable
    ['unknown', 'protected', undefined, undefined, undefined], // never alerted
    // Awaiting its first scheduled backup: no alert until the run is missed.
    [null, 'stale', undefined, 'awaiting-first-backup', undefined],
    ['protected', 'stale', undefined, 'awaiting-first-backup', undefined],
    ['stale', 'stale', 'awaiting-first-backup', 'never-backed-up', 'stale'],
    ['stale', 'protected', 'awaiting-first-backup', undefined, undefined],
    // First sighting is the baseline; a gone volume is not news.
    [null, 'failing', undefined, undefined, undefined],
    ['failing', null, undefined, undefined, undefined],
  ] as const)(
    '%s → %s (%s → %s): %s',
    (from, to, fromStatus, toStatus, kind) => {
      expect(
        notificationKindOf({
          from,
          to,
          fromBackupStatus: fromStatus,
          toBackupStatus: toStatus,
        }),
      ).toBe(kind);
    },
  );
});

describe('planNotifications', () => {
  it('one transition: one notification to the entity, with the reason and a link', () => {
    const [n, ...rest] = plan([transition()]);
    expect(rest).toEqual([]);
    expect(n.entityRef).toBe('component:default/orders-service');
    expect(n.payload).toMatchObject({
      title: 'orders-service: volume data-orders-db-1 is failing its backups',
      description:
        'prod/orders/data-orders-db-1 is failing its backups: The PodVolumeBackup of this volume failed. (volume-backup-failed)',
      link: '/catalog/default/component/orders-service/storage',
      severity: 'high',
      topic: 'storage-backups',
      scope: 'storage:prod/orders/data-orders-db-1:u1',
    });
  });

  it('the resolution shares the alert scope, so it replaces the alert', () => {
    const [alert] = plan([transition()]);
    const [resolved] = plan([
      transition({ from: 'failing', to: 'protected', reasons: [] }),
    ]);
    expect(resolved.kind).toBe('resolved');
    expect(resolved.payload.severity).toBe('low');
    expect(resolved.payload.scope).toBe(alert.payload.scope);
    expect(resolved.payload.title).toBe(
      'orders-service: volume data-orders-db-1 is protected again',
    );
  });

  it('many volumes of one entity at once: one grouped notification, worst severity', () => {
    const batch = [
      transition(),
      transition({
        volume: {
          cluster: 'prod',
          namespace: 'orders',
          name: 'data-orders-db-0',
          uid: 'u0',
        },
        to: 'stale',
      }),
      transition({
        volume: {
          cluster: 'prod',
          namespace: 'orders',
          name: 'uploads',
          uid: 'u2',
        },
        from: 'stale',
        to: 'protected',
      }),
      transition({
        volume: {
          cluster: 'prod',
          namespace: 'payments',
          name: 'ledger',
          uid: 'u3',
        },
        entityRefs: ['component:default/payments-api'],
        to: 'unprotected',
      }),
    ];
    const planned = plan(batch);
    expect(
      planned.map(p => [p.entityRef, p.kind, p.transitions.length]),
    ).toEqual([
      ['component:default/orders-service', 'failing', 3],
      ['component:default/payments-api', 'unprotected', 1],
    ]);
    expect(planned[0].payload.title).toBe(
      'orders-service: 3 volumes changed (1 failing, 1 stale, 1 resolved)',
    );
    expect(planned[0].payload.description?.split('\n')).toHaveLength(3);
  });

  it('entities that opted out, volumes of no entity and demo data get nothing', () => {
    expect(plan([transition()], ['component:default/orders-service'])).toEqual(
      [],
    );
    expect(plan([transition({ entityRefs: [], owners: [] })])).toEqual([]);
    expect(plan([transition({ demo: true })])).toEqual([]);
  });

  it('a volume used by two entities notifies the owners of each', () => {
    const planned = plan([
      transition({
        entityRefs: [
          'component:default/orders-service',
          'component:default/orders-export',
        ],
      }),
    ]);
    expect(planned.map(p => p.entityRef)).toEqual([
      'component:default/orders-export',
      'component:default/orders-service',
    ]);
  });

  it('uses the configured severity', () => {
    const [n] = planNotifications([transition({ to: 'stale' })], {
      config: { severity: { ...DEFAULT_SEVERITY, stale: 'critical' } },
      optedOut: () => false,
    });
    expect(n.payload.severity).toBe('critical');
  });
});

describe('transitions out of unknown (cluster blips)', () => {
  const blip = (
    from: RecordedTransition['to'],
    to: RecordedTransition['to'],
  ) => {
    const t = transition({ from: 'unknown', to, seq: 3 });
    const history = [
      transition({ from: null, to: 'protected', seq: 1 }),
      transition({ from: 'protected', to: from, seq: 2 }),
      transition({ from: from, to: 'unknown', seq: 3 }),
    ].map(h => ({ ...h, seq: h.seq }));
    history[2].seq = 3;
    t.seq = 4;
    return planNotifications([t], {
      config,
      optedOut: () => false,
      lastKnown: lastKnownVerdicts([t], history),
    });
  };

  it('failing → unknown → failing: not told again', () => {
    expect(blip('failing', 'failing')).toEqual([]);
  });
  it('failing → unknown → protected: resolved', () => {
    expect(blip('failing', 'protected').map(p => p.kind)).toEqual(['resolved']);
  });
  it('protected → unknown → failing: told', () => {
    expect(blip('protected', 'failing').map(p => p.kind)).toEqual(['failing']);
  });
  it('first seen unknown, then failing: the baseline', () => {
    const t = transition({ from: 'unknown', to: 'failing', seq: 2 });
    const first = transition({ from: null, to: 'unknown', seq: 1 });
    expect(
      planNotifications([t], {
        config,
        optedOut: () => false,
        lastKnown: lastKnownVerdicts([t], [first, t]),
      }),
    ).toEqual([]);
  });
});

describe('volumes seen for the first time', () => {
  const first = (
    to: RecordedTransition['to'],
    toBackupStatus?: RecordedTransition['toBackupStatus'],
  ) => transition({ from: null, to, toBackupStatus, seq: 1 });

  it('in a cluster recorded before: a new volume that starts out bad is told', () => {
    expect(notificationKindOf(first('unprotected'), true)).toBe('unprotected');
    expect(plan([first('unprotected')]).map(p => p.kind)).toEqual([]);
    expect(
      planNotifications([first('unprotected')], {
        config,
        optedOut: () => false,
        knownClusters: new Set(['prod']),
      }).map(p => p.kind),
    ).toEqual(['unprotected']);
  });

  it('a new volume awaiting its first backup, or protected, is not', () => {
    expect(
      notificationKindOf(first('stale', 'awaiting-first-backup'), true),
    ).toBeUndefined();
    expect(notificationKindOf(first('protected'), true)).toBeUndefined();
  });
});
