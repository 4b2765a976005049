import type { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import ButtonBase from '@material-ui/core/ButtonBase';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  Verdict,
  VerdictCounts,
} from '@gitops-storage/plugin-storage-common';
import { VerdictIcon } from '../common/VerdictBadge';
import { protectedShare } from '../../lib/summary';
import { VERDICT_LABEL, VERDICT_MEANING } from '../../lib/text';

const TILE_VERDICTS: Verdict[] = [
  'unprotected',
  'failing',
  'stale',
  'unknown',
  'waived',
];

const useStyles = makeStyles(theme => ({
  tile: {
    width: '100%',
    height: '100%',
    padding: theme.spacing(2),
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    textAlign: 'left',
  },
  button: {
    width: '100%',
    height: '100%',
    display: 'block',
    borderRadius: theme.shape.borderRadius,
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}` },
  },
  pressed: { outline: `2px solid ${theme.palette.primary.main}` },
  value: { fontSize: '2rem', fontWeight: 500, lineHeight: 1.2 },
  label: { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) },
}));

function Tile(props: { label: ReactNode; value: string; detail?: string }) {
  const classes = useStyles();
  return (
    <Paper component="span" className={classes.tile} variant="outlined">
      <Typography className={classes.value} component="span">
        {props.value}
      </Typography>
      <Typography variant="body2" component="span" className={classes.label}>
        {props.label}
      </Typography>
      {props.detail && (
        <Typography variant="caption" color="textSecondary" component="span">
          {props.detail}
        </Typography>
      )}
    </Paper>
  );
}

/**
 * What the protected share is made of. Unknown volumes count as neither
 * protected nor unprotected: the detail says how many there are, and how
 * far the share could go once they can be read.
 */
export function protectedDetail(summary: VerdictCounts): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const { protected: ok, waived, unknown } = summary.byVerdict;
  const base = `${n(ok)} protected + ${n(waived)} waived`;
  if (unknown === 0) return base;
  const upTo = protectedShare({
    total: summary.total,
    byVerdict: { ...summary.byVerdict, protected: ok + unknown },
  });
  return `${base}; ${n(
    unknown,
  )} unknown, not counted (up to ${upTo}% if they are protected)`;
}

/**
 * Fleet totals. The verdict tiles are buttons that filter the table to that
 * verdict.
 */
export function SummaryTiles(props: {
  summary: VerdictCounts;
  selectedVerdicts?: readonly Verdict[];
  onSelectVerdict: (verdict: Verdict) => void;
}) {
  const { summary, selectedVerdicts = [], onSelectVerdict } = props;
  const classes = useStyles();
  const share = protectedShare(summary);
  const only = selectedVerdicts.length === 1 ? selectedVerdicts[0] : undefined;
  return (
    <Grid
      container
      spacing={2}
      component="section"
      aria-label="Coverage summary"
    >
      <Grid item xs={6} sm={4} md>
        <Tile label="Volumes" value={summary.total.toLocaleString('en-US')} />
      </Grid>
      <Grid item xs={6} sm={4} md>
        <Tile
          label="Protected"
          value={share === undefined ? '—' : `${share}%`}
          detail={protectedDetail(summary)}
        />
      </Grid>
      {TILE_VERDICTS.map(verdict => (
        <Grid item xs={6} sm={4} md key={verdict}>
          <ButtonBase
            className={`${classes.button} ${
              only === verdict ? classes.pressed : ''
            }`}
            onClick={() => onSelectVerdict(verdict)}
            aria-pressed={only === verdict}
            aria-label={`${VERDICT_LABEL[verdict]}: ${
              summary.byVerdict[verdict]
            }. Show only ${VERDICT_LABEL[verdict].toLowerCase()} volumes`}
            title={VERDICT_MEANING[verdict]}
          >
            <Tile
              value={summary.byVerdict[verdict].toLocaleString('en-US')}
              label={
                <>
                  <VerdictIcon verdict={verdict} />
                  {VERDICT_LABEL[verdict]}
                </>
              }
            />
          </ButtonBase>
        </Grid>
      ))}
    </Grid>
  );
}
