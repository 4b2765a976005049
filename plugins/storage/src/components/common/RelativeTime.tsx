import { formatAge, formatTimestamp } from '../../lib/format';

/** A relative time (`3 hours ago`) with the exact time for hover and screen readers. */
export function RelativeTime(props: { time: string; now?: number }) {
  const now = props.now ?? Date.now();
  return (
    <time dateTime={props.time} title={formatTimestamp(props.time)}>
      {formatAge(props.time, now)}
    </time>
  );
}
