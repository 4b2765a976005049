import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { isVerdict, type Verdict } from '@gitops-storage/plugin-storage-common';
import { utcDay, type RollupRow } from './dailyRollup';
import { diffVolumes, type StoredVolume } from './diffVolumes';
import type {
  ClaimName,
  DailyCount,
  HistoryStore,
  RecordInput,
} from './HistoryStore';
import type { BackupStatus, VolumeTransition } from './types';

const migrationsDir = resolvePackagePath(
  '@gitops-storage/plugin-storage-backend',
  'migrations',
);

const VOLUMES = 'storage_history_volumes';
const TRANSITIONS = 'storage_history_transitions';
const DAILY = 'storage_history_daily';
const GROUPS = 'storage_history_groups';
const CLUSTERS = 'storage_history_clusters';

/** Rows per statement: well under SQLite's and PostgreSQL's bind limits. */
const CHUNK = 500;

/**
 * Runs the plugin's migrations (up to the latest) on a database client.
 * Replicas that start together race to create knex's own migration tables
 * (and then wait on its lock): a failed attempt is retried, and the
 * migrations that ran are not run again.
 */
export async function migrateHistory(knex: Knex, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await knex.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise(resolve => setTimeout(resolve, 200 * attempt));
    }
  }
}

/** Rolls every migration of the plugin back (tests of the down migrations). */
export async function rollbackHistory(knex: Knex): Promise<void> {
  await knex.migrate.rollback({ directory: migrationsDir }, true);
}

/** The history store on the plugin's database (SQLite or PostgreSQL). */
export class DatabaseHistoryStore implements HistoryStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseHistoryStore> {
    const knex = await options.database.getClient();
    if (!options.skipMigrations && !options.database.migrations?.skip) {
      await migrateHistory(knex);
    }
    return new DatabaseHistoryStore(knex);
  }

  constructor(private readonly db: Knex) {}

  async record(input: RecordInput): Promise<VolumeTransition[]> {
    const at = input.at.toISOString();
    const clusters = [...new Set(input.clusters)].sort();
    if (clusters.length === 0) return [];
    const day = utcDay(input.at);
    const demo = input.demo ?? false;
    return this.db.transaction(async tx => {
      // Lock each cluster's row first (sorted, so two replicas never wait on
      // each other crosswise): a second run waits here, then reads the
      // states the first one stored and finds nothing left to record.
      for (const cluster of clusters) {
        await tx(CLUSTERS)
          .insert({ cluster, recorded_at: input.at })
          .onConflict('cluster')
          .merge(['recorded_at']);
      }
      const stored = (
        await tx(VOLUMES).whereIn('cluster', clusters).select()
      ).map(readStoredVolume);
      const wanted = new Set(clusters);
      const current = input.volumes.filter(v => wanted.has(v.cluster));
      const transitions = diffVolumes(stored, current, at).map(t => ({
        ...t,
        demo,
      }));

      const inserted: VolumeTransition[] = [];
      for (const chunk of chunks(transitions)) {
        const rows = await tx(TRANSITIONS)
          .insert(chunk.map(t => transitionRow(t, input.at)))
          .onConflict(['cluster', 'namespace', 'name', 'uid', 'seq'])
          .ignore()
          .returning(['cluster', 'namespace', 'name', 'uid', 'seq']);
        const keys = new Set(rows.map(r => transitionKey(r)));
        inserted.push(
          ...chunk.filter(t =>
            keys.has(transitionKey({ ...t.volume, seq: t.seq })),
          ),
        );
      }

      const upserts = inserted.filter(t => t.to !== null);
      for (const chunk of chunks(upserts)) {
        await tx(VOLUMES)
          .insert(
            chunk.map(t => ({
              ...t.volume,
              verdict: t.to,
              backup_status: t.toBackupStatus ?? null,
              seq: t.seq,
              since: input.at,
            })),
          )
          .onConflict(['cluster', 'namespace', 'name', 'uid'])
          .merge(['verdict', 'backup_status', 'seq', 'since']);
      }
      const gone = inserted.filter(t => t.to === null);
      for (const chunk of chunks(gone)) {
        await tx(VOLUMES)
          .whereIn(
            ['cluster', 'namespace', 'name', 'uid'],
            chunk.map(t => [
              t.volume.cluster,
              t.volume.namespace,
              t.volume.name,
              t.volume.uid,
            ]),
          )
          .delete();
      }

      await tx(DAILY).where('day', day).whereIn('cluster', clusters).delete();
      const rollup = input.rollup.filter(
        r => r.day === day && wanted.has(r.cluster),
      );
      const groupIds = await this.groupIds(tx, rollup);
      for (const chunk of chunks(rollup)) {
        await tx(DAILY).insert(
          chunk.map(r => ({
            day: r.day,
            cluster: r.cluster,
            tier: r.tier,
            verdict: r.verdict,
            group_id: groupIds.get(groupKey(r).hash),
            count: r.count,
            demo,
          })),
        );
      }
      return inserted;
    });
  }

  /** The ids of the rows' entity sets, stored first when new. */
  private async groupIds(
    tx: Knex.Transaction,
    rows: readonly RollupRow[],
  ): Promise<Map<string, number>> {
    const groups = new Map<string, ReturnType<typeof groupKey>>();
    for (const r of rows) {
      const key = groupKey(r);
      groups.set(key.hash, key);
    }
    const ids = new Map<string, number>();
    for (const chunk of chunks([...groups.values()])) {
      await tx(GROUPS)
        .insert(
          chunk.map(g => ({
            key_hash: g.hash,
            entity_refs: g.entityRefs,
            owners: g.owners,
          })),
        )
        .onConflict('key_hash')
        .ignore();
      const found = await tx(GROUPS)
        .whereIn(
          'key_hash',
          chunk.map(g => g.hash),
        )
        .select('id', 'key_hash');
      for (const f of found) ids.set(String(f.key_hash), Number(f.id));
    }
    return ids;
  }

  async dailyCounts(query: {
    fromDay: string;
    cluster?: readonly string[];
    tier?: readonly string[];
  }): Promise<DailyCount[]> {
    let q = this.db(DAILY)
      .join(GROUPS, `${GROUPS}.id`, `${DAILY}.group_id`)
      .where('day', '>=', query.fromDay);
    if (query.cluster) q = q.whereIn('cluster', [...query.cluster]);
    if (query.tier) q = q.whereIn('tier', [...query.tier]);
    const rows: Array<Record<string, unknown>> = await q
      .select('day', 'verdict', 'owners', 'entity_refs', 'demo')
      .sum({ count: 'count' })
      .groupBy('day', 'verdict', 'group_id', 'owners', 'entity_refs', 'demo')
      .orderBy('day');
    return rows.flatMap(r =>
      isVerdict(r.verdict)
        ? [
            {
              day: String(r.day),
              verdict: r.verdict,
              owners: splitList(r.owners),
              entityRefs: splitList(r.entity_refs),
              count: Number(r.count),
              demo: Boolean(r.demo),
            },
          ]
        : [],
    );
  }

  async volumeStates(claims: readonly ClaimName[]): Promise<StoredVolume[]> {
    const out: StoredVolume[] = [];
    for (const chunk of chunks(claims)) {
      const rows = await this.db(VOLUMES)
        .whereIn(
          ['cluster', 'namespace', 'name'],
          chunk.map(c => [c.cluster, c.namespace, c.name]),
        )
        .select();
      out.push(...rows.map(readStoredVolume));
    }
    return out;
  }

  async transitionsOf(
    claims: readonly ClaimName[],
    since: Date,
  ): Promise<VolumeTransition[]> {
    const out: Array<VolumeTransition & { id: number }> = [];
    for (const chunk of chunks(claims)) {
      const rows = await this.db(TRANSITIONS)
        .whereIn(
          ['cluster', 'namespace', 'name'],
          chunk.map(c => [c.cluster, c.namespace, c.name]),
        )
        .andWhere('at', '>=', since)
        .select();
      out.push(...rows.map(readTransition));
    }
    return out
      .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
      .map(({ id: _id, ...t }) => t);
  }

  async deleteOlderThan(
    before: Date,
  ): Promise<{ transitions: number; days: number }> {
    const transitions = await this.db(TRANSITIONS)
      .where('at', '<', before)
      .delete();
    const days = await this.db(DAILY)
      .where('day', '<', utcDay(before))
      .delete();
    return { transitions, days };
  }

  async isEmpty(): Promise<boolean> {
    const [one] = await this.db(CLUSTERS).select('cluster').limit(1);
    return !one;
  }
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) {
    yield items.slice(i, i + CHUNK);
  }
}

/** An entity set's stored text and its hash (the unique key). */
function groupKey(r: {
  entityRefs: readonly string[];
  owners: readonly string[];
}) {
  const entityRefs = r.entityRefs.join('\n');
  const owners = r.owners.join('\n');
  const hash = createHash('sha256')
    .update(entityRefs)
    .update('\u0000')
    .update(owners)
    .digest('hex');
  return { hash, entityRefs, owners };
}

function transitionKey(r: {
  cluster: string;
  namespace: string;
  name: string;
  uid: string;
  seq: number | string;
}): string {
  return `${r.cluster}\u0000${r.namespace}\u0000${r.name}\u0000${
    r.uid
  }\u0000${Number(r.seq)}`;
}

function transitionRow(t: VolumeTransition, at: Date) {
  return {
    ...t.volume,
    seq: t.seq,
    from_verdict: t.from,
    to_verdict: t.to,
    from_backup_status: t.fromBackupStatus ?? null,
    to_backup_status: t.toBackupStatus ?? null,
    reasons: JSON.stringify(t.reasons),
    at,
    demo: t.demo,
  };
}

/** SQLite gives numbers (ms), PostgreSQL Dates: both to RFC 3339. */
function iso(value: unknown): string {
  return new Date(value as string | number | Date).toISOString();
}

function verdictOrNull(value: unknown): Verdict | null {
  return isVerdict(value) ? value : null;
}

function backupStatus(value: unknown): BackupStatus {
  return value === 'never-backed-up' || value === 'awaiting-first-backup'
    ? value
    : undefined;
}

function splitList(value: unknown): string[] {
  return typeof value === 'string' && value ? value.split('\n') : [];
}

function readStoredVolume(r: Record<string, unknown>): StoredVolume {
  return {
    cluster: String(r.cluster),
    namespace: String(r.namespace),
    name: String(r.name),
    uid: String(r.uid),
    verdict: verdictOrNull(r.verdict) ?? 'unknown',
    backupStatus: backupStatus(r.backup_status),
    seq: Number(r.seq),
    since: iso(r.since),
  };
}

function readTransition(
  r: Record<string, unknown>,
): VolumeTransition & { id: number } {
  let reasons: VolumeTransition['reasons'] = [];
  try {
    const parsed = JSON.parse(String(r.reasons));
    if (Array.isArray(parsed)) reasons = parsed;
  } catch {
    // A row written by hand: no reasons rather than a failed answer.
  }
  return {
    id: Number(r.id),
    volume: {
      cluster: String(r.cluster),
      namespace: String(r.namespace),
      name: String(r.name),
      uid: String(r.uid),
    },
    seq: Number(r.seq),
    from: verdictOrNull(r.from_verdict),
    to: verdictOrNull(r.to_verdict),
    fromBackupStatus: backupStatus(r.from_backup_status),
    toBackupStatus: backupStatus(r.to_backup_status),
    reasons,
    at: iso(r.at),
    demo: Boolean(r.demo),
  };
}
