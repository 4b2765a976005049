import { useTheme } from '@material-ui/core/styles';
import type {
  HistoryTransition,
  VolumeSince,
} from '@gitops-storage/plugin-storage-common';
import { VERDICT_LABEL } from '../../lib/text';
import { verdictColor } from '../common/VerdictBadge';
import { visuallyHidden } from '../common/visuallyHidden';
import { volumeSegments } from './segments';

/**
 * A volume's verdicts over the window as a coloured strip (grey hatching:
 * no record), with the same stretches as text for screen readers.
 */
export function VolumeTimeline(props: {
  volume: VolumeSince;
  transitions: readonly HistoryTransition[];
  start: number;
  end: number;
}) {
  const { volume, transitions, start, end } = props;
  const theme = useTheme();
  const segments = volumeSegments(volume, transitions, start, end);
  const span = Math.max(1, end - start);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return (
    <>
      <svg
        viewBox="0 0 300 12"
        preserveAspectRatio="none"
        style={{ display: 'block', width: '100%', height: 12 }}
        aria-hidden
        data-testid="volume-timeline"
      >
        {segments.map(s => (
          <rect
            key={s.start}
            x={((s.start - start) / span) * 300}
            y={0}
            width={Math.max(0.5, ((s.end - s.start) / span) * 300)}
            height={12}
            fill={
              s.verdict
                ? verdictColor(theme, s.verdict)
                : theme.palette.action.disabledBackground
            }
            data-verdict={s.verdict ?? 'none'}
          />
        ))}
      </svg>
      <span style={visuallyHidden}>
        {segments
          .map(
            s =>
              `${day(s.start)} to ${day(s.end)}: ${
                s.verdict ? VERDICT_LABEL[s.verdict] : 'no record'
              }`,
          )
          .join('; ')}
      </span>
    </>
  );
}
