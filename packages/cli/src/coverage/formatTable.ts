import {
  VERDICTS_WORST_FIRST,
  type ClaimCoverage,
  type CoverageReport,
  type VerdictCounts,
} from '@gitops-storage/plugin-storage-common';
import { coverageShare, formatShare } from './share';

/** The time the report was evaluated at, and where it came from. */
export interface EvaluationTime {
  now: Date;
  source: 'flag' | 'captured' | 'clock';
}

export const TABLE_WIDTH = 80;
const VERDICT_WIDTH = 11;
const AGE_WIDTH = 6;
const GAP = '  ';

/** Cut text to a width, keeping its start and end around an ellipsis. */
export function fit(text: string, width: number): string {
  if (text.length <= width) return text;
  if (width <= 1) return text.slice(0, width);
  const tail = Math.floor((width - 1) / 3);
  return `${text.slice(0, width - 1 - tail)}…${tail > 0 ? text.slice(-tail) : ''}`;
}

/**
 * Age of the last successful backup: `3h`, `25h`, `3d`; `never` when no
 * good copy ever existed, `new` while the first run is not due, `-` when
 * the copies it had no longer count (expired, deleted, location gone).
 */
export function backupAge(claim: ClaimCoverage, now: Date): string {
  const time = claim.lastSuccessfulBackup?.time;
  if (!time) {
    if (claim.backupStatus === 'awaiting-first-backup') return 'new';
    if (claim.backupStatus === 'never-backed-up') return 'never';
    return claim.verdict === 'stale' ? '-' : 'never';
  }
  const hours = Math.max(0, (now.getTime() - Date.parse(time)) / 3600_000);
  if (hours < 1) return `${Math.floor(hours * 60)}m`;
  if (hours < 48) return `${Math.floor(hours)}h`;
  return `${Math.floor(hours / 24)}d`;
}

function reasonText(claim: ClaimCoverage, wide: boolean): string {
  if (claim.reasons.length === 0) return '-';
  if (wide) return claim.reasons.map(r => r.code).join(',');
  const more = claim.reasons.length - 1;
  return `${claim.reasons[0].code}${more > 0 ? ` +${more}` : ''}`;
}

function countsText(counts: VerdictCounts): string {
  return VERDICTS_WORST_FIRST.filter(v => counts.byVerdict[v] > 0)
    .map(v => `${counts.byVerdict[v]} ${v}`)
    .join(', ');
}

/** The line that says which time the verdicts are for. */
export function asOf(time: EvaluationTime): string {
  const at = time.now.toISOString().replace('.000Z', 'Z');
  switch (time.source) {
    case 'captured':
      return `As of ${at}, when the snapshot was captured (--now to change).`;
    case 'flag':
      return `As of ${at} (--now).`;
    default:
      return `As of ${at} (now).`;
  }
}

/** Wrap words to the table width, indenting continuation lines. */
export function wrap(text: string, indent = '  '): string[] {
  const lead = /^ */.exec(text)![0];
  const lines: string[] = [];
  let line = lead;
  for (const word of text.trim().split(/ +/)) {
    if (line.trim() && line.length + 1 + word.length > TABLE_WIDTH) {
      lines.push(line);
      line = `${lead}${indent}${word}`;
    } else {
      line = line.trim() ? `${line} ${word}` : `${line}${word}`;
    }
  }
  if (line.trim()) lines.push(line);
  return lines;
}

/**
 * The report as a table, worst first: one line per claim (verdict, claim,
 * age of the last successful backup, first reason), then the summary. Claim
 * names are never cut (they are what one copies into kubectl); the reason
 * is cut to fit 80 columns unless `wide`, which lists every reason code.
 * `--format json` has the full sentences.
 */
export function formatTable(
  report: CoverageReport,
  time: EvaluationTime,
  options: { wide?: boolean } = {},
): string {
  const { now } = time;
  const wide = options.wide === true;
  const multiCluster = report.clusters.length > 1;
  const claimName = (c: ClaimCoverage) => `${multiCluster ? `${c.cluster}:` : ''}${c.namespace}/${c.name}`;
  const reasons = report.claims.map(c => reasonText(c, wide));
  const names = report.claims.map(claimName);
  const fixed = VERDICT_WIDTH + AGE_WIDTH + GAP.length * 3;
  const claimWidth = Math.max(5, ...names.map(n => n.length));
  // The reason gets the rest of 80 columns, at least 24.
  const reasonWidth = Math.max(24, TABLE_WIDTH - fixed - claimWidth);

  const row = (verdict: string, name: string, age: string, reason: string) =>
    [verdict.padEnd(VERDICT_WIDTH), name.padEnd(claimWidth), age.padEnd(AGE_WIDTH), wide ? reason : fit(reason, reasonWidth)]
      .join(GAP)
      .trimEnd();

  const lines: string[] = [];
  if (report.claims.length > 0) {
    lines.push(row('VERDICT', 'CLAIM', 'BACKUP', 'REASON'));
    report.claims.forEach((claim, i) => {
      lines.push(row(claim.verdict, names[i], backupAge(claim, now), reasons[i]));
    });
    lines.push('');
  }
  const { summary } = report;
  const clusters = report.clusters.length;
  lines.push(
    ...wrap(
      `${summary.total} claim${summary.total === 1 ? '' : 's'} in ${clusters} cluster${clusters === 1 ? '' : 's'}${summary.total > 0 ? `: ${countsText(summary)}` : ''}.`,
    ),
  );
  lines.push(`Coverage (protected + waived): ${formatShare(coverageShare(summary))}`);
  lines.push(...wrap(asOf(time)));
  const tiers = Object.entries(summary.byTier).sort(([a], [b]) => a.localeCompare(b));
  if (tiers.length > 0) lines.push('By tier:');
  for (const [tier, counts] of tiers) {
    lines.push(...wrap(`  ${tier}: ${counts.total} (${countsText(counts)})`));
  }
  for (const cluster of report.clusters) {
    if (cluster.status !== 'synced' || cluster.error) {
      lines.push(...wrap(`Cluster ${cluster.name}: ${cluster.status}${cluster.error ? ` (${cluster.error})` : ''}`));
    }
  }
  for (const bsl of report.backupStorageLocations ?? []) {
    if (bsl.phase !== 'Available') {
      lines.push(...wrap(`BackupStorageLocation ${multiCluster ? `${bsl.cluster}/` : ''}${bsl.name}: ${bsl.phase}`));
    }
  }
  return `${lines.join('\n')}\n`;
}
