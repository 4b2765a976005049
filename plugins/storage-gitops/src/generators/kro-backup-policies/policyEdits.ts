import {
  rebuiltPlanEdits,
  rpoTextSeconds,
  saysCadenceDerived,
} from '../shared/planFile';
import { writtenObject } from '../shared/writtenObject';
import { POLICY_KIND } from './graph';
import { POLICY_NAME, policyManifest } from './instance';

type Data = Record<string, any>;

/**
 * How a namespace's BackupPolicy file differs from what kro-backup-policies
 * writes for the data it holds, or undefined when it is exactly that: the
 * file is rebuilt from its own fields and compared text for text (so an
 * edited comment, value or layout shows), and a derived cron or TTL must
 * still be the one its RPO gives.
 */
export function policyEdits(
  text: string,
  file: string,
  namespace: string,
): string | undefined {
  const policy = writtenObject(
    text,
    file,
    `BackupPolicy ${namespace}/${POLICY_NAME}`,
    o =>
      o.kind === POLICY_KIND &&
      o.metadata?.name === POLICY_NAME &&
      o.metadata?.namespace === namespace,
  );
  if (typeof policy === 'string') return policy;
  const spec = (policy.spec ?? {}) as Data;
  const seconds =
    typeof spec.rpo === 'string' ? rpoTextSeconds(spec.rpo) : undefined;
  if (seconds === undefined) return 'its rpo is not one the generator writes';
  const derived = saysCadenceDerived(text);
  const matchLabels = spec.labelSelector?.matchLabels;
  const rebuilt = policyManifest(
    {
      namespace,
      tiers: Array.isArray(spec.tiers) ? spec.tiers.map(String) : [],
      rpo: spec.rpo,
      cron: String(spec.schedule),
      ttl: String(spec.ttl),
      paused: spec.paused === true,
      derived,
      ...(matchLabels ? { matchLabels } : {}),
    },
    typeof spec.storageLocation === 'string' ? spec.storageLocation : undefined,
  );
  return rebuiltPlanEdits({
    text,
    rebuilt,
    generator: 'kro-backup-policies',
    namespace,
    rpoSeconds: seconds,
    derived,
    cron: spec.schedule,
    ttl: spec.ttl,
  });
}
