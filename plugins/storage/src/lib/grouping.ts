import {
  emptyVerdictCounts,
  type CoverageRow,
  type VerdictCounts,
} from '@gitops-storage/plugin-storage-common';

/** How the coverage table groups its rows. */
export const GROUP_BY_OPTIONS = ['owner', 'namespace', 'cluster'] as const;
export type GroupBy = (typeof GROUP_BY_OPTIONS)[number];

export function isGroupBy(value: unknown): value is GroupBy {
  return (GROUP_BY_OPTIONS as readonly unknown[]).includes(value);
}

/** Rows without an owning catalog entity land in this owner group. */
export const NO_OWNER = '(no owner)';

export interface RowGroup {
  /** The group's value: an owner ref, `cluster/namespace` or a cluster. */
  key: string;
  rows: CoverageRow[];
  counts: VerdictCounts;
}

function groupKeys(row: CoverageRow, by: GroupBy): string[] {
  switch (by) {
    case 'owner':
      return row.owners.length ? row.owners : [NO_OWNER];
    case 'namespace':
      return [`${row.cluster}/${row.namespace}`];
    case 'cluster':
    default:
      return [row.cluster];
  }
}

/**
 * Groups rows that arrive worst first. Groups keep the order in which they
 * first appear (so the group holding the worst row comes first) and rows keep
 * their order inside a group. A row with several owners appears under each.
 */
export function groupRows(
  rows: readonly CoverageRow[],
  by: GroupBy,
): RowGroup[] {
  const groups = new Map<string, RowGroup>();
  for (const row of rows) {
    for (const key of groupKeys(row, by)) {
      let group = groups.get(key);
      if (!group) {
        group = {
          key,
          rows: [],
          counts: { total: 0, byVerdict: emptyVerdictCounts() },
        };
        groups.set(key, group);
      }
      group.rows.push(row);
      group.counts.total += 1;
      group.counts.byVerdict[row.verdict] += 1;
    }
  }
  return [...groups.values()];
}
