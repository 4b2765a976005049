import type { Verdict } from '@gitops-storage/plugin-storage-common';
import type { RollupRow } from './dailyRollup';
import type { CurrentVolume, StoredVolume } from './diffVolumes';
import type { VolumeTransition } from './types';

/** A claim by cluster, namespace and name (every uid it had). */
export interface ClaimName {
  cluster: string;
  namespace: string;
  name: string;
}

/** One recording: the current verdicts of some clusters' volumes. */
export interface RecordInput {
  at: Date;
  /**
   * The clusters recorded. `volumes` holds every volume of each of them: a
   * stored volume of one of these clusters that is not in `volumes` is gone.
   */
  clusters: readonly string[];
  volumes: readonly CurrentVolume[];
  /** The rollup of these clusters for the day of `at` (replaces that day's rows). */
  rollup: readonly RollupRow[];
  /** Seeded demo data (the demo's history), never a real observation. */
  demo?: boolean;
}

/** Daily counts summed over clusters and tiers, per owners and entities. */
export interface DailyCount {
  day: string;
  verdict: Verdict;
  entityRefs: string[];
  /** The owner of each of `entityRefs`, same order ('' for none). */
  owners: string[];
  count: number;
  demo: boolean;
}

/**
 * Where coverage history lives (see docs/storage-history.md). The Knex
 * implementation serves SQLite and PostgreSQL.
 */
export interface HistoryStore {
  /**
   * Compares the volumes with their stored states and stores the
   * transitions, the new states and the day's rollup, in one transaction.
   * Returns the transitions this call stored: a transition another replica
   * stored first is not stored again and not returned.
   */
  record(input: RecordInput): Promise<VolumeTransition[]>;
  /** Daily counts from `fromDay` (inclusive), narrowed by cluster and tier. */
  dailyCounts(query: {
    fromDay: string;
    cluster?: readonly string[];
    tier?: readonly string[];
  }): Promise<DailyCount[]>;
  /** The stored states of these claims (every uid each had). */
  volumeStates(claims: readonly ClaimName[]): Promise<StoredVolume[]>;
  /** These claims' transitions at or after `since`, oldest first. */
  transitionsOf(
    claims: readonly ClaimName[],
    since: Date,
  ): Promise<VolumeTransition[]>;
  /**
   * Deletes transitions and daily rows older than `before`. Entity sets of
   * the rollup stay (one row per set ever seen): deleting unused ones could
   * race a recording about to use one.
   */
  deleteOlderThan(before: Date): Promise<{ transitions: number; days: number }>;
  /** Whether nothing was ever recorded. */
  isEmpty(): Promise<boolean>;
}
