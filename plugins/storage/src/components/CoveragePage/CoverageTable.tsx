import { Fragment } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  VERDICTS_WORST_FIRST,
  type CoverageRow,
} from '@gitops-storage/plugin-storage-common';
import { AccessModes } from '../common/AccessModes';
import { FixTemplateLink } from '../common/FixTemplateLink';
import { ReasonList } from '../common/ReasonList';
import { RelativeTime } from '../common/RelativeTime';
import { RestoreVerification } from '../common/RestoreVerification';
import { VerdictBadge } from '../common/VerdictBadge';
import { visuallyHidden } from '../common/visuallyHidden';
import { groupRows, NO_OWNER, type GroupBy } from '../../lib/grouping';
import { PAGE_SIZES } from '../../lib/coverageViewState';
import { VOLUME_SOURCE_LABEL } from '../../lib/text';

const useStyles = makeStyles(theme => ({
  groupHeader: {
    background: theme.palette.background.default,
  },
  groupTitle: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  counts: { color: theme.palette.text.secondary },
  cell: { verticalAlign: 'top' },
  narrow: { verticalAlign: 'top', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  volume: { verticalAlign: 'top', minWidth: 160 },
  verdict: { verticalAlign: 'top', width: '40%' },
}));

const GROUP_NOUN: Record<GroupBy, string> = {
  owner: 'owner',
  namespace: 'namespace',
  cluster: 'cluster',
};

const COLUMN_COUNT = 8;

function serviceOf(row: CoverageRow): string | undefined {
  const ref = row.entityRefs[0];
  if (!ref) return undefined;
  try {
    return parseEntityRef(ref).name;
  } catch {
    return undefined;
  }
}

function groupCounts(group: ReturnType<typeof groupRows>[number]) {
  return VERDICTS_WORST_FIRST.filter(v => group.counts.byVerdict[v] > 0)
    .map(v => `${group.counts.byVerdict[v]} ${v}`)
    .join(', ');
}

/**
 * One page of the fleet's volumes, worst first, grouped under headers. The
 * backend pages; grouping applies to the rows of the page, and a group's
 * "show all" button filters the whole report to that group.
 */
export function CoverageTable(props: {
  rows: readonly CoverageRow[];
  groupBy: GroupBy;
  totalRows: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  onShowGroup: (groupBy: GroupBy, key: string) => void;
}) {
  const classes = useStyles();
  const groups = groupRows(props.rows, props.groupBy);
  return (
    <div aria-busy={props.loading}>
      {props.loading && <LinearProgress aria-label="Loading volumes" />}
      <Table size="small">
        <caption style={visuallyHidden}>
          Volumes, worst first, grouped by {GROUP_NOUN[props.groupBy]}; page{' '}
          {props.page + 1}
        </caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">Volume</TableCell>
            <TableCell scope="col">Verdict and reasons</TableCell>
            <TableCell scope="col">Class → tier</TableCell>
            <TableCell scope="col">Capacity</TableCell>
            <TableCell scope="col">Source</TableCell>
            <TableCell scope="col">Last success</TableCell>
            <TableCell scope="col">Restore test</TableCell>
            <TableCell scope="col">
              {props.groupBy === 'owner' ? 'Entities' : 'Owners'}
            </TableCell>
          </TableRow>
        </TableHead>
        {groups.map(group => (
          <TableBody key={group.key}>
            <TableRow className={classes.groupHeader}>
              <TableCell component="th" scope="rowgroup" colSpan={COLUMN_COUNT}>
                <span className={classes.groupTitle}>
                  <Typography variant="subtitle2" component="span">
                    {GROUP_NOUN[props.groupBy]}: {group.key}
                  </Typography>
                  <Typography variant="caption" className={classes.counts}>
                    {group.counts.total} on this page ({groupCounts(group)})
                  </Typography>
                  {!(props.groupBy === 'owner' && group.key === NO_OWNER) && (
                    <Button
                      size="small"
                      onClick={() =>
                        props.onShowGroup(props.groupBy, group.key)
                      }
                    >
                      Show all of {group.key}
                    </Button>
                  )}
                </span>
              </TableCell>
            </TableRow>
            {group.rows.map(row => (
              <TableRow key={`${group.key}:${row.uid}`}>
                <TableCell className={classes.volume}>
                  <Typography variant="body2" component="div">
                    <strong>{row.name}</strong>
                  </Typography>
                  <Typography variant="caption" component="div">
                    {row.cluster} / {row.namespace}
                  </Typography>
                </TableCell>
                <TableCell className={classes.verdict}>
                  <VerdictBadge
                    verdict={row.verdict}
                    backupStatus={row.backupStatus}
                  />
                  <ReasonList reasons={row.reasons} />
                  <FixTemplateLink claim={row} service={serviceOf(row)} />
                </TableCell>
                <TableCell className={classes.cell}>
                  <span className={classes.nowrap}>
                    {row.storageClass ?? '(no class)'}
                  </span>{' '}
                  → <span className={classes.nowrap}>{row.tier}</span>
                </TableCell>
                <TableCell className={classes.narrow}>
                  {row.capacity ?? '—'}
                  <Typography variant="caption" component="div">
                    <AccessModes modes={row.accessModes} />
                  </Typography>
                </TableCell>
                <TableCell className={classes.narrow}>
                  {VOLUME_SOURCE_LABEL[row.volume.source]}
                </TableCell>
                <TableCell className={classes.narrow}>
                  {row.lastSuccessfulBackup ? (
                    <RelativeTime time={row.lastSuccessfulBackup.time} />
                  ) : (
                    'never'
                  )}
                </TableCell>
                <TableCell className={classes.cell}>
                  <RestoreVerification restore={row.restore} compact />
                </TableCell>
                <TableCell className={classes.cell}>
                  {(props.groupBy === 'owner'
                    ? row.entityRefs
                    : row.owners
                  ).map((ref, i) => (
                    <Fragment key={ref}>
                      {i > 0 && <br />}
                      {ref}
                    </Fragment>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        ))}
      </Table>
      <TablePagination
        component="div"
        count={props.totalRows}
        page={props.page}
        rowsPerPage={props.pageSize}
        rowsPerPageOptions={[...PAGE_SIZES]}
        onPageChange={(_, page) => props.onPageChange(page)}
        onRowsPerPageChange={e =>
          props.onPageSizeChange(Number(e.target.value))
        }
      />
    </div>
  );
}
