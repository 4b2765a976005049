import { isRfc3339 } from '@gitops-storage/plugin-storage-common';

/** Bad flags or input: the command exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const FORMATS = ['table', 'json', 'csv'] as const;
export type CoverageFormat = (typeof FORMATS)[number];

/** The flags as commander hands them over. */
export interface RawCoverageOptions {
  snapshot?: string[];
  config?: string;
  now?: string;
  format?: string;
  failUnder?: string;
  wide?: boolean;
}

export interface CoverageOptions {
  snapshots: string[];
  config?: string;
  now?: Date;
  format: CoverageFormat;
  failUnder?: number;
  /** Table: every reason code in full (claim names are never cut). */
  wide: boolean;
}

/** Check the flags; throws a UsageError that says what is wrong. */
export function readOptions(raw: RawCoverageOptions): CoverageOptions {
  const snapshots = raw.snapshot ?? [];
  if (snapshots.length === 0) {
    throw new UsageError('coverage needs at least one --snapshot DIR (a directory of kubectl get -o yaml output)');
  }
  const format = (raw.format ?? 'table') as CoverageFormat;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${raw.format}"`);
  }
  let now: Date | undefined;
  if (raw.now !== undefined) {
    if (!isRfc3339(raw.now)) {
      throw new UsageError(`--now must be an RFC 3339 time such as 2026-11-26T06:00:00Z, not "${raw.now}"`);
    }
    now = new Date(raw.now);
  }
  let failUnder: number | undefined;
  if (raw.failUnder !== undefined) {
    failUnder = Number(raw.failUnder.replace(/%$/, ''));
    if (raw.failUnder.trim() === '' || !Number.isFinite(failUnder) || failUnder < 0 || failUnder > 100) {
      throw new UsageError(`--fail-under must be a percentage from 0 to 100, not "${raw.failUnder}"`);
    }
  }
  return {
    snapshots,
    ...(raw.config !== undefined ? { config: raw.config } : {}),
    ...(now ? { now } : {}),
    format,
    ...(failUnder !== undefined ? { failUnder } : {}),
    wide: raw.wide === true,
  };
}
