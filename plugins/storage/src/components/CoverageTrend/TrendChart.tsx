import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  VERDICTS_WORST_FIRST,
  type HistoryPoint,
  type Verdict,
} from '@gitops-storage/plugin-storage-common';
import { protectedShare } from '../../lib/summary';
import { VERDICT_LABEL } from '../../lib/text';
import { verdictColor } from '../common/VerdictBadge';
import { visuallyHidden } from '../common/visuallyHidden';

/** Best verdict at the bottom of each bar, the worst on top. */
const STACK: readonly Verdict[] = [...VERDICTS_WORST_FIRST].reverse();

const WIDTH = 720;
const SHARE_HEIGHT = 80;
const BARS_HEIGHT = 120;

const useStyles = makeStyles(theme => ({
  svg: { display: 'block', width: '100%', height: 'auto' },
  label: { margin: theme.spacing(1, 0, 0.5) },
  axis: {
    display: 'flex',
    justifyContent: 'space-between',
    color: theme.palette.text.secondary,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    listStyle: 'none',
    padding: 0,
    margin: theme.spacing(1, 0, 0),
  },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: 4 },
  swatch: { width: 12, height: 12, display: 'inline-block' },
}));

/** Days from `from` to `to` (YYYY-MM-DD, UTC). */
function dayIndex(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) /
      86_400_000,
  );
}

/** `YYYY-MM-DD` `days - 1` days before `last`. */
export function windowStart(last: string, days: number): string {
  const start = new Date(
    Date.parse(`${last}T00:00:00Z`) - (days - 1) * 86_400_000,
  );
  return start.toISOString().slice(0, 10);
}

/**
 * Coverage over time: the protected share (protected + waived, rounded
 * down as on the tiles) as a line, and volumes by verdict as stacked bars,
 * one per day of the window (a day without data stays empty). The same
 * numbers are in a table for screen readers.
 */
export function TrendChart(props: {
  series: readonly HistoryPoint[];
  /** The window's last day (today, UTC) and its length. */
  lastDay: string;
  days: number;
}) {
  const { series, lastDay, days } = props;
  const classes = useStyles();
  const theme = useTheme();
  const first = windowStart(lastDay, days);
  const slot = WIDTH / days;
  const barWidth = Math.max(1, slot * 0.8);
  const maxTotal = Math.max(1, ...series.map(p => p.total));
  const x = (p: HistoryPoint) => dayIndex(first, p.date) * slot;
  const share = series
    .map(p => ({ p, share: protectedShare(p) }))
    .filter(
      (s): s is { p: HistoryPoint; share: number } => s.share !== undefined,
    );
  const linePoints = share
    .map(
      ({ p, share: s }) =>
        `${(x(p) + slot / 2).toFixed(1)},${(
          SHARE_HEIGHT -
          (s / 100) * (SHARE_HEIGHT - 4) -
          2
        ).toFixed(1)}`,
    )
    .join(' ');
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={visuallyHidden}>
        Protected share and volumes by verdict per day, {first} to {lastDay}
      </figcaption>
      <Typography variant="body2" className={classes.label} aria-hidden>
        Protected share (protected + waived): top line 100 %, bottom line 0 %
      </Typography>
      <svg
        className={classes.svg}
        viewBox={`0 0 ${WIDTH} ${SHARE_HEIGHT}`}
        aria-hidden
        data-testid="trend-share"
      >
        <line x1={0} x2={WIDTH} y1={2} y2={2} stroke={theme.palette.divider} />
        <line
          x1={0}
          x2={WIDTH}
          y1={SHARE_HEIGHT - 2}
          y2={SHARE_HEIGHT - 2}
          stroke={theme.palette.divider}
        />
        {share.length > 1 && (
          <polyline
            points={linePoints}
            fill="none"
            stroke={verdictColor(theme, 'protected')}
            strokeWidth={2}
          />
        )}
        {share.map(({ p, share: s }) => (
          <circle
            key={p.date}
            cx={x(p) + slot / 2}
            cy={SHARE_HEIGHT - (s / 100) * (SHARE_HEIGHT - 4) - 2}
            r={Math.min(3, slot / 2)}
            fill={verdictColor(theme, 'protected')}
          />
        ))}
      </svg>
      <Typography variant="body2" className={classes.label} aria-hidden>
        Volumes by verdict (up to {maxTotal.toLocaleString('en-US')})
      </Typography>
      <svg
        className={classes.svg}
        viewBox={`0 0 ${WIDTH} ${BARS_HEIGHT}`}
        aria-hidden
        data-testid="trend-bars"
      >
        {series.map(p => {
          let y = BARS_HEIGHT;
          return (
            <g key={p.date}>
              {STACK.map(v => {
                const h = (p.byVerdict[v] / maxTotal) * BARS_HEIGHT;
                if (h <= 0) return null;
                y -= h;
                return (
                  <rect
                    key={v}
                    x={x(p) + (slot - barWidth) / 2}
                    y={y}
                    width={barWidth}
                    height={h}
                    fill={verdictColor(theme, v)}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      <Typography
        variant="caption"
        className={classes.axis}
        component="div"
        aria-hidden
      >
        <span>{first}</span>
        <span>{lastDay}</span>
      </Typography>
      <ul className={classes.legend} aria-hidden>
        {STACK.map(v => (
          <li key={v} className={classes.legendItem}>
            <span
              className={classes.swatch}
              style={{ background: verdictColor(theme, v) }}
            />
            <Typography variant="caption">{VERDICT_LABEL[v]}</Typography>
          </li>
        ))}
      </ul>
      <table style={visuallyHidden}>
        <caption>Coverage per day</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Protected share</th>
            <th scope="col">Volumes</th>
            {VERDICTS_WORST_FIRST.map(v => (
              <th scope="col" key={v}>
                {VERDICT_LABEL[v]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map(p => (
            <tr key={p.date}>
              <th scope="row">{p.date}</th>
              <td>{formatShare(protectedShare(p))}</td>
              <td>{p.total}</td>
              {VERDICTS_WORST_FIRST.map(v => (
                <td key={v}>{p.byVerdict[v]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function formatShare(share: number | undefined): string {
  return share === undefined ? '–' : `${share}%`;
}
