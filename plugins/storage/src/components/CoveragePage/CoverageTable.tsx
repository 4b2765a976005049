import { parseEntityRef } from '@backstage/catalog-model';
import {
  EntityDisplayName,
  EntityRefLink,
} from '@backstage/plugin-catalog-react';
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

// Column widths the way Backstage's own tables choose them: no fixed
// percentages; names (one long word each) never break, prose wraps. Six
// columns fit 1280 px; the storage facts share one column, and the links to
// the volume's entities (or owners) sit under its name.
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
  cell: { verticalAlign: 'top', wordBreak: 'normal', overflowWrap: 'normal' },
  nowrap: { whiteSpace: 'nowrap' },
  links: { display: 'flex', flexWrap: 'wrap', columnGap: theme.spacing(1) },
}));

const GROUP_NOUN: Record<GroupBy, string> = {
  owner: 'owner',
  namespace: 'namespace',
  cluster: 'cluster',
};

const COLUMN_COUNT = 8;

/** The kind a bare name in each list means, as in Backstage's own tables. */
const OWNER_KIND = 'group';
const ENTITY_KIND = 'component';

/** A group's title: owners as links to their catalog pages. */
function GroupName(props: { groupBy: GroupBy; groupKey: string }) {
  if (props.groupBy !== 'owner' || props.groupKey === NO_OWNER) {
    return <>{props.groupKey}</>;
  }
  return (
    <EntityRefLink
      entityRef={props.groupKey}
      defaultKind={OWNER_KIND}
      hideIcon
    />
  );
}

/** What "show all" shows: the owner's display name, not its raw ref. */
function GroupLabel(props: { groupBy: GroupBy; groupKey: string }) {
  if (props.groupBy !== 'owner') return <>{props.groupKey}</>;
  return (
    <EntityDisplayName
      entityRef={props.groupKey}
      defaultKind={OWNER_KIND}
      hideIcon
      disableTooltip
    />
  );
}

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
 * Under a volume's name: its entities when grouped by owner (the header
 * names the owner), else its owners; catalog links, never raw refs.
 */
function RowLinks(props: { groupBy: GroupBy; row: CoverageRow }) {
  const classes = useStyles();
  const byOwner = props.groupBy === 'owner';
  const refs = byOwner ? props.row.entityRefs : props.row.owners;
  if (refs.length === 0) return null;
  return (
    <Typography variant="caption" component="div" className={classes.links}>
      <span>{byOwner ? 'Entity:' : 'Owner:'}</span>
      {refs.map(ref => (
        <EntityRefLink
          key={ref}
          entityRef={ref}
          defaultKind={byOwner ? ENTITY_KIND : OWNER_KIND}
          hideIcon
          // A tooltip per link is too slow for a 200-row page.
          disableTooltip
        />
      ))}
    </Typography>
  );
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
            <TableCell scope="col" className={classes.cell}>
              Volume
            </TableCell>
            <TableCell scope="col" className={classes.cell}>
              Verdict and reasons
            </TableCell>
            <TableCell scope="col" className={classes.cell}>
              Storage
            </TableCell>
            <TableCell scope="col" className={classes.cell}>
              Last success, restore test
            </TableCell>
          </TableRow>
        </TableHead>
        {groups.map(group => (
          <TableBody key={group.key}>
            <TableRow className={classes.groupHeader}>
              <TableCell component="th" scope="rowgroup" colSpan={COLUMN_COUNT}>
                <span className={classes.groupTitle}>
                  <Typography variant="subtitle2" component="span">
                    {GROUP_NOUN[props.groupBy]}:{' '}
                    <GroupName groupBy={props.groupBy} groupKey={group.key} />
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
                      Show all of{' '}
                      <GroupLabel
                        groupBy={props.groupBy}
                        groupKey={group.key}
                      />
                    </Button>
                  )}
                </span>
              </TableCell>
            </TableRow>
            {group.rows.map(row => (
              <TableRow key={`${group.key}:${row.uid}`}>
                <TableCell className={classes.cell}>
                  <Typography
                    variant="body2"
                    component="div"
                    className={classes.nowrap}
                  >
                    <strong>{row.name}</strong>
                  </Typography>
                  <Typography variant="caption" component="div">
                    {row.cluster} / {row.namespace}
                  </Typography>
                  <RowLinks groupBy={props.groupBy} row={row} />
                </TableCell>
                <TableCell className={classes.cell}>
                  <VerdictBadge
                    verdict={row.verdict}
                    backupStatus={row.backupStatus}
                  />
                  <ReasonList reasons={row.reasons} />
                  <FixTemplateLink claim={row} service={serviceOf(row)} />
                </TableCell>
                <TableCell className={classes.cell}>
                  <Typography variant="body2" component="div">
                    <span className={classes.nowrap}>
                      {row.storageClass ?? '(no class)'}
                    </span>{' '}
                    → <span className={classes.nowrap}>{row.tier}</span>
                  </Typography>
                  <Typography
                    variant="caption"
                    component="div"
                    className={classes.nowrap}
                  >
                    {row.capacity ?? '—'} ·{' '}
                    <AccessModes modes={row.accessModes} />
                  </Typography>
                  <Typography variant="caption" component="div">
                    {VOLUME_SOURCE_LABEL[row.volume.source]}
                  </Typography>
                </TableCell>
                <TableCell className={classes.cell}>
                  {row.lastSuccessfulBackup ? (
                    <RelativeTime time={row.lastSuccessfulBackup.time} />
                  ) : (
                    'never'
                  )}
                  <RestoreVerification restore={row.restore} compact />
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
