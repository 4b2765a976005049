import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import {
  UNCLASSIFIED_TIER,
  VERDICTS_WORST_FIRST,
  type VerdictCounts,
} from '@gitops-storage/plugin-storage-common';
import { VerdictIcon, verdictColor } from '../common/VerdictBadge';
import { VERDICT_LABEL } from '../../lib/text';
import { visuallyHidden } from '../common/visuallyHidden';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns:
      'minmax(6em, max-content) 1fr minmax(5em, max-content)',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  bar: { display: 'block', width: '100%', height: 20 },
  words: { gridColumn: '2 / 4', marginTop: -theme.spacing(0.5) },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    listStyle: 'none',
    padding: 0,
    margin: theme.spacing(2, 0, 0),
  },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: 4 },
  swatch: { width: 12, height: 12, display: 'inline-block' },
}));

/** "3 protected, 1 failing": the counts of one tier, worst first. */
export function describeCounts(counts: VerdictCounts): string {
  const parts = VERDICTS_WORST_FIRST.filter(v => counts.byVerdict[v] > 0).map(
    v => `${counts.byVerdict[v]} ${v}`,
  );
  return parts.length ? parts.join(', ') : 'no volumes';
}

/** Tiers by name, the unclassified bucket last. */
function orderTiers(byTier: Record<string, VerdictCounts>) {
  const rank = (tier: string) => (tier === UNCLASSIFIED_TIER ? 1 : 0);
  return Object.entries(byTier).sort(
    ([a], [b]) => rank(a) - rank(b) || a.localeCompare(b),
  );
}

/**
 * Verdicts by tier as stacked bars, each tier's bar filling the width (so
 * shares compare across tiers). Every bar has a text equivalent, and the
 * numbers are also in a table for screen readers.
 */
export function VerdictsByTierChart(props: {
  byTier: Record<string, VerdictCounts>;
}) {
  const classes = useStyles();
  const theme = useTheme();
  const tiers = orderTiers(props.byTier);
  return (
    <InfoCard title="Verdicts by tier" variant="gridItem">
      {tiers.length === 0 ? (
        <Typography variant="body2">No volumes to chart.</Typography>
      ) : (
        <figure style={{ margin: 0 }}>
          <figcaption style={visuallyHidden}>
            Share of each verdict per storage tier
          </figcaption>
          {tiers.map(([tier, counts]) => {
            let x = 0;
            return (
              <div className={classes.row} key={tier}>
                <Typography variant="body2" component="span">
                  {tier}
                </Typography>
                <svg
                  className={classes.bar}
                  viewBox="0 0 100 10"
                  preserveAspectRatio="none"
                  role="img"
                  aria-label={`${tier}: ${describeCounts(counts)}`}
                >
                  {VERDICTS_WORST_FIRST.filter(
                    v => counts.byVerdict[v] > 0,
                  ).map(v => {
                    const width =
                      counts.total > 0
                        ? (counts.byVerdict[v] / counts.total) * 100
                        : 0;
                    const rect = (
                      <rect
                        key={v}
                        x={x}
                        y={0}
                        width={width}
                        height={10}
                        fill={verdictColor(theme, v)}
                        stroke={theme.palette.background.paper}
                        strokeWidth={0.3}
                        vectorEffect="non-scaling-stroke"
                        data-verdict={v}
                      >
                        <title>{`${counts.byVerdict[v]} ${v}`}</title>
                      </rect>
                    );
                    x += width;
                    return rect;
                  })}
                </svg>
                <Typography variant="body2" component="span">
                  {counts.total.toLocaleString('en-US')}
                </Typography>
                {/* The bar in words, so colour is never the only signal. */}
                <Typography
                  variant="caption"
                  color="textSecondary"
                  className={classes.words}
                  aria-hidden="true"
                >
                  {describeCounts(counts)}
                </Typography>
              </div>
            );
          })}
          <ul className={classes.legend} aria-label="Legend">
            {VERDICTS_WORST_FIRST.map(v => (
              <li key={v} className={classes.legendItem}>
                <span
                  className={classes.swatch}
                  style={{ background: verdictColor(theme, v) }}
                  aria-hidden="true"
                />
                <VerdictIcon verdict={v} />
                <Typography variant="caption">{VERDICT_LABEL[v]}</Typography>
              </li>
            ))}
          </ul>
          <table style={visuallyHidden}>
            <caption>Volumes per tier and verdict</caption>
            <thead>
              <tr>
                <th scope="col">Tier</th>
                {VERDICTS_WORST_FIRST.map(v => (
                  <th scope="col" key={v}>
                    {VERDICT_LABEL[v]}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {tiers.map(([tier, counts]) => (
                <tr key={tier}>
                  <th scope="row">{tier}</th>
                  {VERDICTS_WORST_FIRST.map(v => (
                    <td key={v}>{counts.byVerdict[v]}</td>
                  ))}
                  <td>{counts.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      )}
    </InfoCard>
  );
}
