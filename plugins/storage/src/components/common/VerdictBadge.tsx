import { makeStyles, Theme } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import CancelIcon from '@material-ui/icons/Cancel';
import ScheduleIcon from '@material-ui/icons/Schedule';
import HelpIcon from '@material-ui/icons/Help';
import RemoveCircleIcon from '@material-ui/icons/RemoveCircle';
import type { SvgIconProps } from '@material-ui/core/SvgIcon';
import type { ComponentType } from 'react';
import type {
  ClaimCoverage,
  Verdict,
} from '@gitops-storage/plugin-storage-common';
import {
  BACKUP_STATUS_LABEL,
  BACKUP_STATUS_MEANING,
  VERDICT_LABEL,
  VERDICT_MEANING,
} from '../../lib/text';

const VERDICT_ICON: Record<Verdict, ComponentType<SvgIconProps>> = {
  protected: CheckCircleIcon,
  waived: RemoveCircleIcon,
  unprotected: ErrorIcon,
  failing: CancelIcon,
  stale: ScheduleIcon,
  unknown: HelpIcon,
};

/** The colour of a verdict. Never the only signal: it always comes with text and an icon. */
export function verdictColor(theme: Theme, verdict: Verdict): string {
  // Six verdicts need six distinguishable hues; red is kept for "no backup".
  switch (verdict) {
    case 'protected':
      return theme.palette.success.main;
    case 'unprotected':
      return theme.palette.error.main;
    case 'failing':
      return theme.palette.warning.dark;
    case 'stale':
      return theme.palette.warning.main;
    case 'waived':
      return theme.palette.info.main;
    case 'unknown':
    default:
      return theme.palette.text.secondary;
  }
}

const useStyles = makeStyles<Theme, { verdict: Verdict }>(theme => ({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    padding: theme.spacing(0.25, 1),
    borderRadius: 12,
    border: ({ verdict }) => `1px solid ${verdictColor(theme, verdict)}`,
    color: theme.palette.text.primary,
    fontWeight: theme.typography.fontWeightMedium as number,
    fontSize: theme.typography.body2.fontSize,
    whiteSpace: 'nowrap',
  },
  icon: {
    color: ({ verdict }) => verdictColor(theme, verdict),
    fontSize: '1.1em',
  },
}));

/** The icon of a verdict, coloured; decorative (its text is next to it). */
export function VerdictIcon(props: { verdict: Verdict; className?: string }) {
  const classes = useStyles({ verdict: props.verdict });
  const Icon = VERDICT_ICON[props.verdict];
  return (
    <Icon
      aria-hidden="true"
      className={`${classes.icon} ${props.className ?? ''}`}
      data-verdict-icon={props.verdict}
    />
  );
}

/**
 * A verdict as icon plus text, with its meaning as a tooltip. A stale volume
 * without any copy says so in its own words ("Never backed up", "Awaiting
 * first backup"), so it never reads as if an old copy existed.
 */
export function VerdictBadge(props: {
  verdict: Verdict;
  count?: number;
  backupStatus?: ClaimCoverage['backupStatus'];
}) {
  const { verdict, count, backupStatus } = props;
  const classes = useStyles({ verdict });
  const label =
    backupStatus && count === undefined
      ? `${VERDICT_LABEL[verdict]} · ${BACKUP_STATUS_LABEL[backupStatus]}`
      : VERDICT_LABEL[verdict];
  return (
    <span
      className={classes.badge}
      title={
        backupStatus
          ? BACKUP_STATUS_MEANING[backupStatus]
          : VERDICT_MEANING[verdict]
      }
      data-verdict={verdict}
      {...(backupStatus ? { 'data-backup-status': backupStatus } : {})}
    >
      <VerdictIcon verdict={verdict} />
      {count === undefined
        ? label
        : `${count.toLocaleString('en-US')} ${label.toLowerCase()}`}
    </span>
  );
}
