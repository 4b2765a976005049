import {
  UNCLASSIFIED_TIER,
  type ClaimCoverage,
  type ReasonCode,
  type Verdict,
} from '@gitops-storage/plugin-storage-common';
import { kroPolicyFix, type KroBackupPoliciesFix } from './policyTemplateLink';

/** The software templates that can fix a volume's coverage. */
export type FixTemplateName =
  | 'storage-volume-request'
  | 'storage-velero-schedules'
  | KroBackupPoliciesFix['template'];

/** Form data of the `storage-volume-request` template. */
export interface VolumeRequestFormData {
  /**
   * The service's folder in the GitOps repository, by the repository's
   * convention `apps/<namespace>/<service>/base`; the form lets the user
   * correct it.
   */
  folder?: string;
  namespace: string;
  claimName: string;
  tier?: string;
  size?: string;
  accessMode?: string;
}

/**
 * Form data of the `storage-velero-schedules` template. Each namespace lists
 * the tiers of its volumes (`tiers`, as the template and its generator take
 * them; the generator rejects unknown keys, so no singular `tier`).
 */
export interface VeleroSchedulesFormData {
  namespaces: Array<{ name: string; tiers?: string[] }>;
}

/** A template that would fix a volume, with its form pre-filled. */
export type FixTemplate =
  | {
      template: 'storage-volume-request';
      /** Why this template helps, for the link's accessible label. */
      title: string;
      formData: VolumeRequestFormData;
    }
  | {
      template: 'storage-velero-schedules';
      title: string;
      formData: VeleroSchedulesFormData;
    }
  | KroBackupPoliciesFix;

/** Verdicts for which we offer a fix at all. */
const FIXABLE_VERDICTS: ReadonlySet<Verdict> = new Set([
  'unprotected',
  'failing',
  'stale',
]);

/**
 * What a reason means for a fix link:
 * - `schedules`: the velero-schedules template fixes it: the Schedule it
 *   writes for the namespace (`ns-<namespace>`) includes the namespace, has no
 *   label selector or resource filters, backs up every pod volume with
 *   file-system backup (no snapshot) and runs at the tier's cadence with a
 *   TTL of thirty RPOs.
 * - `schedules-if-ours`: only when the reason is about that very Schedule
 *   (re-running the template rewrites it); anyone else's Schedule was set up
 *   that way on purpose.
 * - `replacement-volume`: the volume itself cannot be backed up; the
 *   volume-request template asks for one in another tier.
 * - `blocks`: no template changes the outcome (a new Schedule meets the same
 *   obstacle: a failed run, a missing location, a pod that is not running),
 *   or the gap is someone's decision that a second Schedule would silently
 *   override (an exclusion by label, annotation, policy, selector or
 *   filter). A claim with such a reason gets no schedules link.
 * - `neutral`: says nothing about a fix (information, or a state that passes
 *   by itself).
 * The table is exhaustive, so a new reason code must be classified here.
 */
type ReasonFix =
  | 'schedules'
  | 'schedules-if-ours'
  | 'replacement-volume'
  | 'blocks'
  | 'neutral';

/** @internal exported for the table test over every reason code */
export const FIX_FOR_REASON: Record<ReasonCode, ReasonFix> = {
  // No Schedule reaches the data.
  'no-matching-schedule': 'schedules',
  // Opt-in mode, a snapshot that cannot be taken: the file-system backup of
  // every pod volume covers it.
  'not-opted-in-fs-backup': 'schedules',
  'snapshot-unsupported-volume': 'schedules',
  'snapshot-skipped-for-fs-backup': 'schedules',
  'csi-snapshots-disabled': 'schedules',
  'snapshot-needs-storage-class': 'schedules',
  // Too old for the RPO, or kept too briefly: the tier's cadence and TTL.
  'stale-backup': 'schedules',
  'ttl-shorter-than-rpo': 'schedules',
  // Paused: the generator writes paused: false; others paused theirs.
  'schedule-paused': 'schedules-if-ours',
  // hostPath: Velero skips it whatever the Schedule.
  'hostpath-volume-unsupported': 'replacement-volume',
  // Decisions a second Schedule would override: change that Schedule, the
  // label or annotation, or the policy instead.
  'namespace-excluded': 'blocks',
  'label-selector-mismatch': 'blocks',
  'resource-filter-excludes': 'blocks',
  'excluded-by-annotation': 'blocks',
  'excluded-by-label': 'blocks',
  'namespace-excluded-by-label': 'blocks',
  'volume-policy-skip': 'blocks',
  'volume-policy-snapshot': 'blocks',
  // The same obstacle for any Schedule.
  'no-running-pod': 'blocks',
  'volume-not-mounted': 'blocks',
  'block-volume-unsupported': 'blocks',
  'volume-unbound': 'blocks',
  'schedule-failed-validation': 'blocks',
  'bsl-unavailable': 'blocks',
  'storage-location-missing': 'blocks',
  'backup-failed': 'blocks',
  'volume-backup-failed': 'blocks',
  'evidence-contradicts-model': 'blocks',
  // What we know may be wrong: fix the reading first.
  'velero-unreadable': 'blocks',
  'cluster-unreachable': 'blocks',
  'data-stale': 'blocks',
  // Covered already, or passing by itself.
  'never-backed-up': 'neutral',
  'awaiting-first-backup': 'neutral',
  'backup-in-progress': 'neutral',
  'backup-expired': 'neutral',
  'backup-being-deleted': 'neutral',
  'clock-skew': 'neutral',
  'foreign-backup-ignored': 'neutral',
  waived: 'neutral',
  'waiver-expired': 'neutral',
};

/** The Schedule the velero-schedules generator writes for a namespace. */
export function generatedScheduleName(namespace: string): string {
  return `ns-${namespace}`;
}

function templateFor(claim: ClaimCoverage): FixTemplateName | undefined {
  const fixes = claim.reasons.map(reason => {
    const fix = FIX_FOR_REASON[reason.code] ?? 'blocks';
    if (fix !== 'schedules-if-ours') return fix;
    return reason.schedule === generatedScheduleName(claim.namespace)
      ? 'schedules'
      : 'blocks';
  });
  // No Schedule can back a hostPath volume up: its fix comes first.
  if (fixes.includes('replacement-volume')) return 'storage-volume-request';
  if (fixes.includes('blocks')) return undefined;
  return fixes.includes('schedules') ? 'storage-velero-schedules' : undefined;
}

/**
 * The template that fixes a claim's coverage, with its form pre-filled from
 * the claim, or undefined when no template would change the outcome (see
 * FIX_FOR_REASON). A replacement volume never prefills the claim's own tier:
 * that tier gave it the volume Velero skips.
 *
 * @param service - the catalog entity the claim belongs to, when known
 */
export function fixTemplateFor(
  claim: ClaimCoverage,
  service?: string,
): FixTemplate | undefined {
  if (!FIXABLE_VERDICTS.has(claim.verdict)) return undefined;
  const template = templateFor(claim);
  const tier = claim.tier === UNCLASSIFIED_TIER ? undefined : claim.tier;

  if (template === 'storage-volume-request') {
    return {
      template,
      title: `Request a replacement volume for ${claim.name}`,
      formData: withoutUndefined({
        folder: service ? `apps/${claim.namespace}/${service}/base` : undefined,
        namespace: claim.namespace,
        claimName: claim.name,
        size: claim.capacity,
        accessMode: claim.accessModes[0],
      }),
    };
  }
  if (template === 'storage-velero-schedules') {
    // A kro-managed Schedule is fixed through its BackupPolicy.
    const policyFix = kroPolicyFix(claim, tier);
    if (policyFix) return policyFix;
    return {
      template,
      title: `Set up backup schedules for namespace ${claim.namespace}`,
      formData: {
        namespaces: [
          withoutUndefined({
            name: claim.namespace,
            tiers: tier ? [tier] : undefined,
          }),
        ],
      },
    };
  }
  return undefined;
}

/**
 * The scaffolder URL that opens a template with its form pre-filled.
 * @param scaffolderPath - where the scaffolder is mounted, e.g. `/create`
 */
export function fixTemplateUrl(scaffolderPath: string, fix: FixTemplate) {
  const base = scaffolderPath.replace(/\/+$/, '');
  const formData = encodeURIComponent(JSON.stringify(fix.formData));
  return `${base}/templates/default/${fix.template}?formData=${formData}`;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}
