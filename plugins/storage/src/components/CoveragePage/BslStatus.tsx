import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import CancelIcon from '@material-ui/icons/Cancel';
import HelpIcon from '@material-ui/icons/Help';
import type {
  BackupStorageLocationStatus,
  ClusterStatus,
} from '@gitops-storage/plugin-storage-common';
import { RelativeTime } from '../common/RelativeTime';

const PHASE_ORDER = { Unavailable: 0, Unknown: 1, Available: 2 } as const;

const useStyles = makeStyles(theme => ({
  phase: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  // Half a page wide at 1280 px: words wrap, none breaks (a message's
  // "BackupStorageLocation" stays whole); only the phase keeps one line.
  cell: { verticalAlign: 'top', wordBreak: 'normal', overflowWrap: 'normal' },
  nowrap: { whiteSpace: 'nowrap' },
}));

function Phase(props: { phase: BackupStorageLocationStatus['phase'] }) {
  const theme = useTheme();
  const classes = useStyles();
  const [Icon, color] = {
    Available: [CheckCircleIcon, theme.palette.success.main] as const,
    Unavailable: [CancelIcon, theme.palette.error.main] as const,
    Unknown: [HelpIcon, theme.palette.text.secondary] as const,
  }[props.phase];
  return (
    <span className={`${classes.phase} ${classes.nowrap}`}>
      <Icon aria-hidden="true" fontSize="small" style={{ color }} />
      {props.phase}
    </span>
  );
}

/**
 * BackupStorageLocations per cluster, unavailable ones first, and the
 * clusters that have none (nothing there can be backed up).
 */
export function BslStatus(props: {
  locations: readonly BackupStorageLocationStatus[];
  clusters: readonly ClusterStatus[];
}) {
  const locations = [...props.locations].sort(
    (a, b) =>
      PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] ||
      a.cluster.localeCompare(b.cluster) ||
      a.name.localeCompare(b.name),
  );
  const classes = useStyles();
  const withLocation = new Set(locations.map(l => l.cluster));
  const without = props.clusters
    .filter(c => c.status === 'synced' && !withLocation.has(c.name))
    .map(c => c.name);
  return (
    <InfoCard title="Backup storage locations" variant="gridItem">
      {locations.length === 0 ? (
        <Typography variant="body2">
          No BackupStorageLocation was found in any cluster that could be read.
          Velero cannot store backups without one.
        </Typography>
      ) : (
        <Table size="small" aria-label="Backup storage locations by cluster">
          <TableHead>
            <TableRow>
              <TableCell className={classes.cell}>Cluster</TableCell>
              <TableCell className={classes.cell}>Location</TableCell>
              <TableCell className={classes.cell}>Status</TableCell>
              <TableCell className={classes.cell}>Last validated</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {locations.map(l => (
              <TableRow key={`${l.cluster}/${l.name}`}>
                <TableCell className={classes.cell}>{l.cluster}</TableCell>
                <TableCell className={classes.cell}>
                  {l.name}
                  {l.default && ' (default)'}
                  {l.provider && (
                    <Typography variant="caption" component="div">
                      {l.provider}
                    </Typography>
                  )}
                </TableCell>
                <TableCell className={classes.cell}>
                  <Phase phase={l.phase} />
                  {l.message && (
                    <Typography variant="caption" component="div">
                      {l.message}
                    </Typography>
                  )}
                </TableCell>
                <TableCell className={classes.cell}>
                  {l.lastValidationTime ? (
                    <RelativeTime time={l.lastValidationTime} />
                  ) : (
                    'never'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {without.length > 0 && (
        <Typography variant="body2" color="error" role="note">
          No BackupStorageLocation in: {without.join(', ')}.
        </Typography>
      )}
    </InfoCard>
  );
}
