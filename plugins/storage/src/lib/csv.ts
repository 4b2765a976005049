import type { CoverageRow } from '@gitops-storage/plugin-storage-common';

/** The columns of the coverage CSV export, in order. */
export const CSV_COLUMNS: ReadonlyArray<{
  header: string;
  value: (row: CoverageRow) => string;
}> = [
  { header: 'cluster', value: r => r.cluster },
  { header: 'namespace', value: r => r.namespace },
  { header: 'name', value: r => r.name },
  { header: 'verdict', value: r => r.verdict },
  { header: 'reasons', value: r => r.reasons.map(x => x.code).join(' ') },
  {
    header: 'reason_messages',
    value: r => r.reasons.map(x => x.message).join('\n'),
  },
  { header: 'tier', value: r => r.tier },
  { header: 'storage_class', value: r => r.storageClass ?? '' },
  { header: 'capacity', value: r => r.capacity ?? '' },
  {
    header: 'capacity_bytes',
    value: r => (r.capacityBytes === undefined ? '' : String(r.capacityBytes)),
  },
  { header: 'access_modes', value: r => r.accessModes.join(' ') },
  { header: 'volume', value: r => r.volume.name ?? '' },
  { header: 'volume_source', value: r => r.volume.source },
  { header: 'schedules', value: r => r.schedules.map(s => s.name).join(' ') },
  {
    header: 'last_successful_backup',
    value: r => r.lastSuccessfulBackup?.time ?? '',
  },
  { header: 'last_attempt', value: r => r.lastAttempt?.time ?? '' },
  { header: 'last_attempt_phase', value: r => r.lastAttempt?.phase ?? '' },
  { header: 'owners', value: r => r.owners.join(' ') },
  { header: 'entities', value: r => r.entityRefs.join(' ') },
];

/** One field, quoted per RFC 4180 when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Coverage rows as RFC 4180 CSV: a header line, CRLF line endings, fields
 * quoted when needed. Lists inside a field are space-separated (reason
 * messages, which contain spaces, are separated by line breaks).
 */
export function toCsv(rows: readonly CoverageRow[]): string {
  const lines = [CSV_COLUMNS.map(c => csvField(c.header)).join(',')];
  for (const row of rows) {
    lines.push(CSV_COLUMNS.map(c => csvField(c.value(row))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
