import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';

/** Marks history that the demo seeded: made up, never observed. */
export function DemoDataLabel() {
  return (
    <Tooltip title="The demo seeded this history on first start: it is made up, not recorded from a cluster.">
      <Chip size="small" label="Demo data" color="secondary" />
    </Tooltip>
  );
}
