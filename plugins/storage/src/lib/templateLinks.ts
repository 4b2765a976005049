import {
  UNCLASSIFIED_TIER,
  type ClaimCoverage,
  type ReasonCode,
  type Verdict,
} from '@gitops-storage/plugin-storage-common';

/** The software templates that can fix a volume's coverage. */
export type FixTemplateName =
  | 'storage-volume-request'
  | 'storage-velero-schedules';

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
    };

/** Verdicts for which we offer a fix at all. */
const FIXABLE_VERDICTS: ReadonlySet<Verdict> = new Set([
  'unprotected',
  'failing',
  'stale',
]);

/**
 * Which template addresses which reason. Reasons no template can fix (an
 * unavailable storage location, a failed backup run, a cluster we cannot
 * read, a deliberate exclusion) are left out on purpose: we link to a
 * template only when running it changes the outcome.
 */
const TEMPLATE_FOR_REASON: Partial<Record<ReasonCode, FixTemplateName>> = {
  // No schedule reaches the data: write schedules for the namespace's tier.
  'no-matching-schedule': 'storage-velero-schedules',
  'namespace-excluded': 'storage-velero-schedules',
  'label-selector-mismatch': 'storage-velero-schedules',
  'resource-filter-excludes': 'storage-velero-schedules',
  'schedule-paused': 'storage-velero-schedules',
  'schedule-failed-validation': 'storage-velero-schedules',
  // Schedules that snapshot a volume that cannot be snapshotted, or skip
  // file-system backup, are replaced by the tier's file-system schedules.
  'snapshot-unsupported-volume': 'storage-velero-schedules',
  'not-opted-in-fs-backup': 'storage-velero-schedules',
  // Backups are too old for the tier's RPO: schedules at the tier's cadence.
  'stale-backup': 'storage-velero-schedules',
  'never-backed-up': 'storage-velero-schedules',
  // hostPath volumes cannot be backed up at all: request a volume in a tier
  // whose class can be.
  'hostpath-volume-unsupported': 'storage-volume-request',
};

/**
 * The template that fixes a claim's coverage, with its form pre-filled from
 * the claim, or undefined when no template would help. The first reason that
 * a template can address decides.
 *
 * @param service - the catalog entity the claim belongs to, when known
 */
export function fixTemplateFor(
  claim: ClaimCoverage,
  service?: string,
): FixTemplate | undefined {
  if (!FIXABLE_VERDICTS.has(claim.verdict)) return undefined;
  const template = claim.reasons
    .map(reason => TEMPLATE_FOR_REASON[reason.code])
    .find(name => name !== undefined);
  const tier = claim.tier === UNCLASSIFIED_TIER ? undefined : claim.tier;

  if (template === 'storage-volume-request') {
    return {
      template,
      title: `Request a replacement volume for ${claim.name}`,
      formData: withoutUndefined({
        folder: service ? `apps/${claim.namespace}/${service}/base` : undefined,
        namespace: claim.namespace,
        claimName: claim.name,
        tier,
        size: claim.capacity,
        accessMode: claim.accessModes[0],
      }),
    };
  }
  if (template === 'storage-velero-schedules') {
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
