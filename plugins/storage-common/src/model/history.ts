import type { Reason } from './reasons';
import type { Verdict } from './verdicts';

/** One day of coverage history: volumes by verdict at the end of the day (UTC). @public */
export interface HistoryPoint {
  /** `YYYY-MM-DD` (UTC); today's point is the latest recording. */
  date: string;
  byVerdict: Record<Verdict, number>;
  total: number;
}

/** `GET /api/storage/history`. @public */
export interface HistoryResponse {
  /** Oldest day first; only days with recorded data. */
  series: HistoryPoint[];
  /** The answer includes seeded demo data (the demo's made-up past). */
  demo: boolean;
  /** Days of history kept (`storage.history.retention`). */
  retentionDays: number;
}

/** A volume of an entity's history. @public */
export interface HistoryVolume {
  cluster: string;
  namespace: string;
  name: string;
  uid: string;
}

/** A change of a volume's verdict. `from` null: first seen; `to` null: deleted. @public */
export interface HistoryTransition {
  volume: HistoryVolume;
  /** RFC 3339. */
  at: string;
  from: Verdict | null;
  to: Verdict | null;
  reasons: Reason[];
  /** Seeded demo data. */
  demo?: boolean;
}

/** Since when a volume has its current verdict. @public */
export interface VolumeSince extends HistoryVolume {
  verdict: Verdict;
  /** RFC 3339: the recording that first saw this verdict. */
  since: string;
}

/** `GET /api/storage/entities/:namespace/:kind/:name/history`. @public */
export interface EntityHistoryResponse extends HistoryResponse {
  entityRef: string;
  /** Within the requested days, oldest first. */
  transitions: HistoryTransition[];
  /** Each current volume's verdict and since when it holds (may predate the retention). */
  volumes: VolumeSince[];
}

/** Query of `GET /api/storage/history`. @public */
export interface HistoryQuery {
  days?: number;
  cluster?: string[];
  tier?: string[];
  owner?: string[];
}
