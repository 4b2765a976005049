import type { CoverageRow } from '../model/api';

/** The columns of the coverage CSV export, in order. @public */
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
  // Restore verification (empty: no restore status; docs/storage-operations.md).
  { header: 'restore_status', value: r => r.restore?.status ?? '' },
  {
    header: 'last_successful_restore',
    value: r => r.restore?.lastSuccessfulRestore?.time ?? '',
  },
  {
    header: 'last_restore_backup',
    value: r => r.restore?.lastSuccessfulRestore?.backup ?? '',
  },
  {
    header: 'last_restore_namespace',
    value: r => r.restore?.lastSuccessfulRestore?.namespace ?? '',
  },
  { header: 'owners', value: r => r.owners.join(' ') },
  { header: 'entities', value: r => r.entityRefs.join(' ') },
];

/** One field, quoted per RFC 4180 when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The header line of the coverage CSV, with its CRLF. */
export function csvHeaderLine(): string {
  return `${CSV_COLUMNS.map(c => csvField(c.header)).join(',')}\r\n`;
}

/** One coverage row as a CSV line, with its CRLF. */
export function csvLine(row: CoverageRow): string {
  return `${CSV_COLUMNS.map(c => csvField(c.value(row))).join(',')}\r\n`;
}

/**
 * Coverage rows as RFC 4180 CSV: a header line, CRLF line endings, fields
 * quoted when needed. Lists inside a field are space-separated (reason
 * messages, which contain spaces, are separated by line breaks). The
 * backend streams the same lines (GET /coverage/export.csv).
 */
export function toCsv(rows: readonly CoverageRow[]): string {
  let text = csvHeaderLine();
  for (const row of rows) text += csvLine(row);
  return text;
}
