import type { ClaimCoverage, CoverageReport } from '@gitops-storage/plugin-storage-common';

const COLUMNS: Array<[string, (c: ClaimCoverage) => string | number | undefined]> = [
  ['cluster', c => c.cluster],
  ['namespace', c => c.namespace],
  ['name', c => c.name],
  ['uid', c => c.uid],
  ['storageClass', c => c.storageClass],
  ['tier', c => c.tier],
  ['capacity', c => c.capacity],
  ['capacityBytes', c => c.capacityBytes],
  ['accessModes', c => c.accessModes.join(';')],
  ['volumeName', c => c.volume.name],
  ['volumeSource', c => c.volume.source],
  ['verdict', c => c.verdict],
  ['backupStatus', c => c.backupStatus],
  ['reasonCodes', c => c.reasons.map(r => r.code).join(';')],
  ['reasons', c => c.reasons.map(r => r.message).join(' | ')],
  ['lastSuccessfulBackupTime', c => c.lastSuccessfulBackup?.time],
  ['lastSuccessfulBackup', c => c.lastSuccessfulBackup?.backup],
  ['lastAttemptTime', c => c.lastAttempt?.time],
  ['lastAttempt', c => c.lastAttempt?.backup],
  ['lastAttemptPhase', c => c.lastAttempt?.phase],
  ['lastAttemptOutcome', c => c.lastAttempt?.outcome],
  ['schedules', c => c.schedules.map(s => s.name).join(';')],
];

/** RFC 4180: quote fields with commas, quotes or line breaks. */
export function csvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per claim, worst first, with a header row. */
export function formatCsv(report: CoverageReport): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const claim of report.claims) {
    lines.push(COLUMNS.map(([, get]) => csvField(get(claim))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
