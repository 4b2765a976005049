/**
 * `node plugins/storage-backend/scripts/measure-history.js`: two figures of
 * docs/storage-history.md, on SQLite (a file) and, when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set, PostgreSQL.
 *
 * 1. Size: a year of history for HISTORY_VOLUMES (10,000) volumes, one
 *    recording a day (each replaces the day's rollup; the recorder records
 *    every few minutes, but only changes add rows), with a churn of failed
 *    and late backups (DAILY_FAIL 2 %, DAILY_LATE 1 % of volumes a day, each
 *    back the next day: ~22 transitions per volume per year).
 * 2. Cost: HistoryRecorder.record() on FLEET_VOLUMES (50,000) volumes in 20
 *    clusters with 2,000 entities: the first run (every volume first seen),
 *    an unchanged run (the steady state), and a run where 1 % changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type {
  ClaimCoverage,
  Verdict,
} from '@gitops-storage/plugin-storage-common';
import { DatabaseHistoryStore, migrateHistory } from '../DatabaseHistoryStore';
import { HistoryRecorder } from '../HistoryRecorder';

const HISTORY_VOLUMES = Number(process.env.HISTORY_VOLUMES ?? 10_000);
const DAYS = Number(process.env.HISTORY_DAYS ?? 365);
const DAILY_FAIL = Number(process.env.DAILY_FAIL ?? 0.02);
const DAILY_LATE = Number(process.env.DAILY_LATE ?? 0.01);
const FLEET_VOLUMES = Number(process.env.FLEET_VOLUMES ?? 50_000);
const CLUSTERS = 20;
const TIERS = ['fast', 'bulk', 'local', 'nfs'];
const VOLUMES_PER_ENTITY = 25;

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REASONS: Record<Verdict, ClaimCoverage['reasons']> = {
  protected: [],
  waived: [
    {
      code: 'waived',
      message: 'Waived: scratch data, rebuilt from the source',
    },
  ] as any,
  stale: [
    {
      code: 'stale-backup',
      message:
        'The last successful backup of this volume is 31 hours old, older than the tier RPO of 24 hours.',
    },
  ],
  failing: [
    {
      code: 'volume-backup-failed',
      message:
        'The last PodVolumeBackup of this volume failed: error to initialize data path: pod volume not found.',
    },
  ],
  unprotected: [
    {
      code: 'no-matching-schedule',
      message: 'No enabled Velero Schedule includes namespace team-0001.',
    },
  ],
  unknown: [
    {
      code: 'velero-unreadable',
      message: 'Velero DataUploads could not be read (forbidden).',
    },
  ],
};

function fleet(volumes: number): ClaimCoverage[] {
  const next = random(7);
  const entities = Math.ceil(volumes / VOLUMES_PER_ENTITY);
  return Array.from({ length: volumes }, (_, i) => {
    // An entity's volumes are in one cluster, mostly of one tier.
    const entity = Math.floor(i / VOLUMES_PER_ENTITY);
    const cluster = `cluster-${String(
      Math.floor((entity * CLUSTERS) / entities),
    ).padStart(2, '0')}`;
    const r = next();
    let verdict: Verdict = 'protected';
    if (r < 0.03) verdict = 'unprotected';
    else if (r < 0.05) verdict = 'failing';
    else if (r < 0.08) verdict = 'stale';
    else if (r < 0.09) verdict = 'waived';
    return {
      cluster,
      namespace: `team-${String(Math.floor(entity / 2)).padStart(4, '0')}`,
      name: `data-app-${i}`,
      uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      tier: TIERS[(entity + (i % 5 === 0 ? 1 : 0)) % TIERS.length],
      accessModes: ['ReadWriteOnce'],
      volume: { source: 'local' },
      verdict,
      reasons: REASONS[verdict],
      schedules: [],
    } as unknown as ClaimCoverage;
  });
}

function ownership(claims: ClaimCoverage[]) {
  const entityOf = new Map(
    claims.map((c, i) => [
      `${c.cluster}/${c.namespace}/${c.name}`,
      `component:default/service-${Math.floor(i / VOLUMES_PER_ENTITY)}`,
    ]),
  );
  return {
    current: async () => ({
      entityRefsOf: (c: {
        cluster: string;
        namespace: string;
        name: string;
      }) => {
        const ref = entityOf.get(`${c.cluster}/${c.namespace}/${c.name}`);
        return ref ? [ref] : [];
      },
      ownerOf: (ref: string) => `group:default/team-${ref.length % 40}`,
      knows: () => true,
    }),
  };
}

function recorder(
  store: DatabaseHistoryStore,
  claims: () => ClaimCoverage[],
  now: () => Date,
) {
  const clusters = [...new Set(claims().map(c => c.cluster))].map(name => ({
    name,
    status: 'synced' as const,
    resources: [
      {
        resource: 'PersistentVolumeClaim',
        status: 'synced' as const,
        lastEventAt: new Date().toISOString(),
      },
    ],
  }));
  return new HistoryRecorder({
    store,
    logger: console as any,
    now,
    fleet: { allClaims: claims, clusters: () => clusters },
    ownership: ownership(claims()),
  });
}

async function databases(): Promise<
  Array<{
    name: string;
    knex: Knex;
    size: () => Promise<number>;
    done: () => Promise<void>;
  }>
> {
  const out = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'history-measure-'));
  const file = path.join(dir, 'history.sqlite');
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  out.push({
    name: 'SQLite',
    knex: sqlite,
    size: async () => {
      await sqlite.raw('VACUUM');
      return fs.statSync(file).size;
    },
    done: async () => {
      await sqlite.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
  const pg = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (pg) {
    const admin = knexFactory({ client: 'pg', connection: pg });
    const db = `history_measure_${Date.now()}`;
    await admin.raw(`CREATE DATABASE ${db}`);
    const knex = knexFactory({
      client: 'pg',
      connection: `${pg.replace(/\/$/, '')}/${db}`,
    });
    out.push({
      name: 'PostgreSQL 15',
      knex,
      size: async () => {
        await knex.raw('VACUUM ANALYZE');
        const { rows } = await knex.raw(
          `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE 'storage_history%'`,
        );
        return Number(rows[0].bytes);
      },
      done: async () => {
        await knex.destroy();
        await admin.raw(`DROP DATABASE ${db}`);
        await admin.destroy();
      },
    });
  }
  return out;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function measureSize(db: {
  name: string;
  knex: Knex;
  size: () => Promise<number>;
}) {
  await migrateHistory(db.knex);
  const store = new DatabaseHistoryStore(db.knex);
  const base = fleet(HISTORY_VOLUMES);
  const next = random(11);
  const start = Date.parse('2026-01-01T12:00:00Z');
  let day = 0;
  let today = base;
  const rec = recorder(
    store,
    () => today,
    () => new Date(start + day * 86_400_000),
  );
  const began = Date.now();
  for (day = 0; day < DAYS; day++) {
    // Yesterday's failures and late backups recover; new ones happen.
    today = base.map(c => {
      if (c.verdict !== 'protected') return c;
      const r = next();
      if (r < DAILY_FAIL)
        return { ...c, verdict: 'failing', reasons: REASONS.failing };
      if (r < DAILY_FAIL + DAILY_LATE)
        return { ...c, verdict: 'stale', reasons: REASONS.stale };
      return c;
    });
    await rec.record();
  }
  const counts = await Promise.all(
    [
      'storage_history_transitions',
      'storage_history_daily',
      'storage_history_volumes',
    ].map(async t => {
      const [{ n }] = await db.knex(t).count({ n: '*' });
      return `${t.replace('storage_history_', '')} ${Number(n).toLocaleString(
        'en-US',
      )}`;
    }),
  );
  const bytes = await db.size();
  console.log(
    `${db.name}: ${HISTORY_VOLUMES.toLocaleString(
      'en-US',
    )} volumes × ${DAYS} days: ${mib(bytes)} (${counts.join(', ')} rows; ${(
      (Date.now() - began) /
      1000
    ).toFixed(0)} s to write)`,
  );
}

async function measureCost(db: { name: string; knex: Knex }) {
  await db.knex.schema.dropTableIfExists('storage_history_clusters');
  await db.knex.schema.dropTableIfExists('storage_history_daily');
  await db.knex.schema.dropTableIfExists('storage_history_groups');
  await db.knex.schema.dropTableIfExists('storage_history_transitions');
  await db.knex.schema.dropTableIfExists('storage_history_volumes');
  await db.knex.schema.dropTableIfExists('knex_migrations');
  await db.knex.schema.dropTableIfExists('knex_migrations_lock');
  await migrateHistory(db.knex);
  const store = new DatabaseHistoryStore(db.knex);
  let claims = fleet(FLEET_VOLUMES);
  const rec = recorder(
    store,
    () => claims,
    () => new Date(),
  );
  const run = async (label: string) => {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = process.hrtime.bigint();
    const result = await rec.record();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const heap = process.memoryUsage().heapUsed - before;
    console.log(
      `${db.name}: ${label}: ${ms.toFixed(
        0,
      )} ms, ${result.transitions.toLocaleString(
        'en-US',
      )} transitions, heap +${mib(Math.max(0, heap))}`,
    );
  };
  await run(
    `first run, ${FLEET_VOLUMES.toLocaleString('en-US')} volumes first seen`,
  );
  await run('unchanged run (steady state)');
  await run('unchanged run again');
  const next = random(3);
  claims = claims.map(c =>
    next() < 0.01
      ? { ...c, verdict: c.verdict === 'protected' ? 'failing' : 'protected' }
      : c,
  );
  await run('run with 1 % of volumes changed');
}

async function main() {
  for (const db of await databases()) {
    try {
      await measureSize(db);
      await measureCost(db);
    } finally {
      await db.done();
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
