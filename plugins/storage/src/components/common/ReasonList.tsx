import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { Reason } from '@gitops-storage/plugin-storage-common';

const useStyles = makeStyles(theme => ({
  list: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2) },
  code: {
    fontFamily: 'monospace',
    color: theme.palette.text.secondary,
    marginLeft: theme.spacing(0.5),
  },
}));

/** The reasons behind a verdict, in plain words, with their stable codes. */
export function ReasonList(props: { reasons: readonly Reason[] }) {
  const classes = useStyles();
  if (props.reasons.length === 0) return null;
  return (
    <ul className={classes.list} aria-label="Reasons">
      {props.reasons.map((reason, index) => (
        <li key={`${reason.code}-${index}`}>
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
  );
}
