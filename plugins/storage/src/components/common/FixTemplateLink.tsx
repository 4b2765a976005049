import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import BuildIcon from '@material-ui/icons/Build';
import type { ClaimCoverage } from '@gitops-storage/plugin-storage-common';
import { scaffolderRouteRef } from '../../routes';
import { fixTemplateFor, fixTemplateUrl } from '../../lib/templateLinks';

/** Where the scaffolder lives: the bound route, else its usual `/create`. */
export function useScaffolderPath(): string {
  const scaffolderRoute = useRouteRef(scaffolderRouteRef);
  return scaffolderRoute?.() ?? '/create';
}

/** A link to the template that fixes the claim's coverage, if one would. */
export function FixTemplateLink(props: {
  claim: ClaimCoverage;
  service?: string;
}) {
  const scaffolderPath = useScaffolderPath();
  const fix = fixTemplateFor(props.claim, props.service);
  if (!fix) return null;
  return (
    <Link
      to={fixTemplateUrl(scaffolderPath, fix)}
      aria-label={fix.title}
      title={fix.title}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
    >
      <BuildIcon fontSize="inherit" aria-hidden="true" />
      {fix.template === 'storage-velero-schedules'
        ? 'Set up backups'
        : 'Request a new volume'}
    </Link>
  );
}
