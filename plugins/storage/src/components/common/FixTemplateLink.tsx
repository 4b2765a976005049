import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import BuildIcon from '@material-ui/icons/Build';
import type { ClaimCoverage } from '@gitops-storage/plugin-storage-common';
import { scaffolderRouteRef } from '../../routes';
import {
  fixTemplateFor,
  fixTemplateUrl,
  type FixTemplate,
} from '../../lib/templateLinks';

/**
 * Gaps that another schedule does not close: the claim is excluded from
 * every backup (annotation, exclude label on it or its namespace), the
 * covering schedule's label selector misses it (edit that schedule), or a
 * backup run failed (a new schedule fails the same way).
 */
const NOT_FIXED_BY_A_SCHEDULE: ReadonlySet<string> = new Set([
  'label-selector-mismatch',
  'excluded-by-annotation',
  'excluded-by-label',
  'namespace-excluded-by-label',
  'backup-failed',
  'volume-backup-failed',
]);

/**
 * The fix for a claim, never prefilling the tier that caused the gap: a
 * hostPath volume's tier is one whose class Velero's file-system backup
 * skips (local-path-provisioner's hostPath volumes), so a replacement in the
 * same tier would be just as unprotected; the user picks the tier.
 */
export function fixForClaim(
  claim: ClaimCoverage,
  service?: string,
): FixTemplate | undefined {
  const fix = fixTemplateFor(claim, service);
  if (
    fix &&
    fix.template !== 'storage-volume-request' &&
    claim.reasons.some(r => NOT_FIXED_BY_A_SCHEDULE.has(r.code))
  )
    return undefined;
  const hostPath = claim.reasons.some(
    r => r.code === 'hostpath-volume-unsupported',
  );
  if (fix?.template !== 'storage-volume-request' || !hostPath) return fix;
  const { tier: _gapTier, ...formData } = fix.formData;
  return { ...fix, formData };
}

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
  const fix = fixForClaim(props.claim, props.service);
  if (!fix) return null;
  return (
    <Link
      to={fixTemplateUrl(scaffolderPath, fix)}
      aria-label={fix.title}
      title={fix.title}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
    >
      <BuildIcon fontSize="inherit" aria-hidden="true" />
      {fix.template === 'storage-volume-request'
        ? 'Request a new volume'
        : 'Set up backups'}
    </Link>
  );
}
