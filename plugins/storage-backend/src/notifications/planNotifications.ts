import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { Verdict } from '@gitops-storage/plugin-storage-common';
import type { RecordedTransition } from '../history/types';
import { volumeId, type KnownState } from './lastKnownVerdicts';
import type {
  NotificationConfig,
  NotificationKind,
} from './notificationConfig';

/** One notification to send: to the owners of one entity. */
export interface PlannedNotification {
  /** The entity whose owners get it (the notifications backend resolves owners to users). */
  entityRef: string;
  kind: NotificationKind;
  /** The transitions it reports, one or more (grouped per entity). */
  transitions: RecordedTransition[];
  payload: NotificationPayload;
}

type BackupStatus = RecordedTransition['toBackupStatus'];

/**
 * Whether a verdict alerts: failing, unprotected, and stale unless the volume
 * only awaits its first scheduled backup (DESIGN: that raises no alert until
 * the run is missed and it becomes never-backed-up).
 */
function alerts(verdict: Verdict | null, status: BackupStatus): boolean {
  if (verdict === 'failing' || verdict === 'unprotected') return true;
  return verdict === 'stale' && status !== 'awaiting-first-backup';
}

/**
 * What a transition is worth telling owners: the verdict it turned to (it
 * did not alert before, or alerts in a new way), a resolution (it alerted
 * and is now protected or waived), or nothing. A volume seen for the first
 * time alerts when it is new (`newVolume`: created after its cluster was
 * first recorded) and starts out bad; in a cluster's first recording it only
 * sets the baseline (otherwise installing the plugin would alert about every
 * known gap at once). Gone volumes and `unknown` (data not readable) say
 * nothing about the volume itself.
 */
export function notificationKindOf(
  t: Pick<
    RecordedTransition,
    'from' | 'to' | 'fromBackupStatus' | 'toBackupStatus'
  >,
  newVolume = false,
): NotificationKind | undefined {
  if (t.to === null) return undefined;
  if (t.from === null) {
    return newVolume && alerts(t.to, t.toBackupStatus)
      ? (t.to as Exclude<NotificationKind, 'resolved'>)
      : undefined;
  }
  const was = alerts(t.from, t.fromBackupStatus);
  const is = alerts(t.to, t.toBackupStatus);
  if (is && (!was || t.from !== t.to)) {
    return t.to as Exclude<NotificationKind, 'resolved'>;
  }
  if (was && (t.to === 'protected' || t.to === 'waived')) return 'resolved';
  return undefined;
}

const WORST_FIRST: readonly NotificationKind[] = [
  'unprotected',
  'failing',
  'stale',
  'resolved',
];

const VERB: Record<NotificationKind, string> = {
  unprotected: 'is unprotected',
  failing: 'is failing its backups',
  stale: 'has a stale backup',
  resolved: 'is protected again',
};

function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/storage`;
}

function volumeName(t: RecordedTransition): string {
  return `${t.volume.cluster}/${t.volume.namespace}/${t.volume.name}`;
}

function line(t: RecordedTransition, kind: NotificationKind): string {
  const reason = t.reasons[0];
  return `${volumeName(t)} ${VERB[kind]}${
    kind === 'resolved' ? ` (${t.to})` : ''
  }${
    reason && kind !== 'resolved' ? `: ${reason.message} (${reason.code})` : '.'
  }`;
}

/**
 * The notifications one recording run's transitions call for: per entity,
 * one notification when one of its volumes changed, one grouped notification
 * when several did (its severity that of the worst change). Entities that
 * opted out (see NOTIFICATIONS_ANNOTATION) get none; volumes of no entity
 * have no owner to tell. Pure: the caller sends.
 */
export function planNotifications(
  batch: readonly RecordedTransition[],
  options: {
    config: Pick<NotificationConfig, 'severity'>;
    optedOut: (entityRef: string) => boolean;
    /**
     * For transitions out of `unknown`: the volume's verdict before it
     * became unreadable (see lastKnownVerdicts), judged in its place.
     */
    lastKnown?: ReadonlyMap<string, KnownState | undefined>;
    /**
     * Clusters recorded before this batch: a volume first seen in one of
     * them is new, not part of the cluster's baseline.
     */
    knownClusters?: ReadonlySet<string>;
  },
): PlannedNotification[] {
  const byEntity = new Map<string, RecordedTransition[]>();
  const kindOf = new Map<RecordedTransition, NotificationKind>();
  for (const t of batch) {
    if (t.demo) continue;
    const kind = notificationKindOf(
      effectiveFrom(t, options.lastKnown),
      options.knownClusters?.has(t.volume.cluster) ?? false,
    );
    if (kind === undefined) continue;
    kindOf.set(t, kind);
    for (const entityRef of t.entityRefs) {
      if (options.optedOut(entityRef)) continue;
      const list = byEntity.get(entityRef);
      if (list) list.push(t);
      else byEntity.set(entityRef, [t]);
    }
  }
  const out: PlannedNotification[] = [];
  for (const [entityRef, transitions] of [...byEntity].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const kinds = transitions.map(t => kindOf.get(t)!);
    const kind = WORST_FIRST.find(k => kinds.includes(k))!;
    const { name } = parseEntityRef(entityRef);
    const single = transitions.length === 1 ? transitions[0] : undefined;
    const title = single
      ? `${name}: volume ${single.volume.name} ${VERB[kind]}`
      : `${name}: ${transitions.length} volumes changed (${WORST_FIRST.filter(
          k => kinds.includes(k),
        )
          .map(k => `${kinds.filter(x => x === k).length} ${k}`)
          .join(', ')})`;
    out.push({
      entityRef,
      kind,
      transitions,
      payload: {
        title,
        description: transitions.map(t => line(t, kindOf.get(t)!)).join('\n'),
        link: entityPath(entityRef),
        severity: options.config.severity[kind],
        topic: 'storage-backups',
        // A volume's alert and its resolution share a scope, so the
        // resolution replaces the alert in the owners' inbox.
        scope: single
          ? `storage:${volumeName(single)}:${single.volume.uid}`
          : `storage:${entityRef}:${transitions[0].at}`,
        metadata: {
          volumes: transitions.map(t => ({
            volume: volumeName(t),
            from: t.from,
            to: t.to,
            at: t.at,
          })),
        },
      },
    });
  }
  return out;
}

/** A transition out of `unknown`, judged from the last known verdict. */
function effectiveFrom(
  t: RecordedTransition,
  lastKnown: ReadonlyMap<string, KnownState | undefined> | undefined,
): Pick<
  RecordedTransition,
  'from' | 'to' | 'fromBackupStatus' | 'toBackupStatus'
> {
  if (t.from !== 'unknown' || !lastKnown) return t;
  const known = lastKnown.get(volumeId(t.volume));
  return {
    from: known?.verdict ?? null,
    fromBackupStatus: known?.backupStatus,
    to: t.to,
    toBackupStatus: t.toBackupStatus,
  };
}
