import { Progress } from '@backstage/core-components';
import { visuallyHidden } from './visuallyHidden';

/** A progress bar that screen readers announce. */
export function LoadingState(props: { label: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <Progress />
      <span style={visuallyHidden}>{props.label}</span>
    </div>
  );
}
