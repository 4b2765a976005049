import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ClaimRestoreVerification,
  RestoreStatus,
  VolumeRestoreRef,
} from '@gitops-storage/plugin-storage-common';
import { RelativeTime } from './RelativeTime';

/** What each restore status says, in words (the badge never relies on colour alone). */
export const RESTORE_STATUS_LABEL: Record<RestoreStatus | 'none', string> = {
  verified: 'Restore verified',
  overdue: 'Restore test overdue',
  'never-verified': 'Never restored',
  unknown: 'Restore status unknown',
  none: 'No restore test asked',
};

// Static classes, one per status: prop-based styles would build a style
// sheet per row of a 200-row page.
const useStyles = makeStyles(theme => {
  const badge = (color: string) => ({
    display: 'inline-block',
    padding: theme.spacing(0.25, 1),
    borderRadius: 12,
    border: `1px solid ${color}`,
    fontSize: theme.typography.caption.fontSize,
    whiteSpace: 'nowrap' as const,
  });
  return {
    verified: badge(theme.palette.success.main),
    overdue: badge(theme.palette.warning.main),
    'never-verified': badge(theme.palette.warning.main),
    unknown: badge(theme.palette.text.secondary),
    none: badge(theme.palette.text.secondary),
    list: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2) },
    code: {
      fontFamily: 'monospace',
      color: theme.palette.text.secondary,
      marginLeft: theme.spacing(0.5),
    },
  };
});

/** A volume's restore status as a labelled badge. */
export function RestoreStatusBadge(props: {
  restore?: ClaimRestoreVerification;
}) {
  const status = props.restore?.status ?? 'none';
  const classes = useStyles();
  return (
    <span className={classes[status]}>{RESTORE_STATUS_LABEL[status]}</span>
  );
}

/** "Restored 3 days ago from backup X into namespace Y (drill)". */
export function RestoreRefText(props: { restore: VolumeRestoreRef }) {
  const r = props.restore;
  return (
    <>
      <RelativeTime time={r.time} />
      {r.backup ? ` from backup ${r.backup}` : ''}
      {r.drill ? ` into namespace ${r.namespace} (drill)` : ' in place'} ·
      restore {r.restore}
    </>
  );
}

/**
 * A volume's restore verification: status, the last successful restore
 * (which backup, when, into which namespace) and, unless compact, the
 * reasons and the newest attempt when it is not that success.
 */
export function RestoreVerification(props: {
  restore?: ClaimRestoreVerification;
  compact?: boolean;
}) {
  const classes = useStyles();
  const { restore } = props;
  return (
    <div>
      <RestoreStatusBadge restore={restore} />
      {restore?.lastSuccessfulRestore && (
        <Typography variant="caption" component="div">
          Last restored{' '}
          <RestoreRefText restore={restore.lastSuccessfulRestore} />
        </Typography>
      )}
      {!props.compact && restore?.lastAttempt && (
        <Typography variant="caption" component="div">
          Newest attempt ({restore.lastAttempt.outcome}):{' '}
          <RestoreRefText restore={restore.lastAttempt} />
        </Typography>
      )}
      {!props.compact && restore && restore.reasons.length > 0 && (
        <ul className={classes.list} aria-label="Restore reasons">
          {restore.reasons.map(reason => (
            <li key={reason.code}>
              <Typography variant="body2" component="span">
                {reason.message}
              </Typography>
              <Typography
                variant="caption"
                component="span"
                className={classes.code}
              >
                ({reason.code})
              </Typography>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
