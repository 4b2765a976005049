import type { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ClaimCoverage,
  EntityStorageSummary,
  Tier,
} from '@gitops-storage/plugin-storage-common';
import { VERDICTS_WORST_FIRST } from '@gitops-storage/plugin-storage-common';
import { VerdictBadge } from '../common/VerdictBadge';
import { RelativeTime } from '../common/RelativeTime';
import { formatBytes, formatDuration } from '../../lib/format';
import { assessOldestBackup, claimsNeverBackedUp } from '../../lib/rpo';
import { pluralize } from '../../lib/text';

const useStyles = makeStyles(theme => ({
  term: { color: theme.palette.text.secondary },
  value: { margin: 0, marginTop: theme.spacing(0.5) },
  counts: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(1) },
  list: { margin: 0 },
}));

function SummaryItem(props: { term: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Grid item xs={12} sm={6} md={3}>
      <Typography variant="overline" component="dt" className={classes.term}>
        {props.term}
      </Typography>
      <Typography variant="body1" component="dd" className={classes.value}>
        {props.children}
      </Typography>
    </Grid>
  );
}

function OldestBackup(props: {
  summary: EntityStorageSummary;
  claims: readonly ClaimCoverage[];
  tiers?: readonly Tier[];
}) {
  const assessment = assessOldestBackup(
    props.summary.oldestLastSuccess,
    props.claims,
    props.tiers,
    Date.now(),
  );
  const never = claimsNeverBackedUp(props.claims);
  return (
    <>
      {assessment ? (
        <>
          <RelativeTime time={assessment.backup.time} />
          {assessment.claim && <> ({assessment.claim.name})</>}
          {assessment.rpoSeconds !== undefined && (
            <>
              <br />
              {assessment.withinRpo
                ? `within the ${formatDuration(assessment.rpoSeconds)} RPO`
                : `older than the ${formatDuration(
                    assessment.rpoSeconds,
                  )} RPO`}{' '}
              of tier {assessment.claim?.tier}
            </>
          )}
        </>
      ) : (
        'No successful backup'
      )}
      {never.length > 0 && (
        <>
          <br />
          {pluralize(never.length, 'volume')} never backed up
        </>
      )}
    </>
  );
}

/** Worst verdict, tiers, capacity and backup age of an entity's volumes. */
export function StorageSummary(props: {
  summary: EntityStorageSummary;
  claims: readonly ClaimCoverage[];
  tiers?: readonly Tier[];
}) {
  const { summary, claims, tiers } = props;
  const classes = useStyles();
  return (
    <Grid container component="dl" spacing={2} aria-label="Storage summary">
      <SummaryItem term="Backup health">
        {summary.worstVerdict ? (
          <VerdictBadge verdict={summary.worstVerdict} />
        ) : (
          'No volumes'
        )}
        <span className={classes.counts}>
          {VERDICTS_WORST_FIRST.filter(v => summary.byVerdict[v] > 0).map(v => (
            <span key={v}>{`${summary.byVerdict[v]} ${v}`}</span>
          ))}
        </span>
      </SummaryItem>
      <SummaryItem term="Tiers">
        {summary.tiers.length ? summary.tiers.join(', ') : '—'}
      </SummaryItem>
      <SummaryItem term="Total capacity">
        {formatBytes(summary.totalCapacityBytes)} in{' '}
        {pluralize(summary.total, 'volume')}
      </SummaryItem>
      <SummaryItem term="Oldest last good backup">
        <OldestBackup summary={summary} claims={claims} tiers={tiers} />
      </SummaryItem>
    </Grid>
  );
}
