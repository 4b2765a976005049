import { yamlData } from '../../yaml/yamlDocument';
import { cronFor, intervalMinutes, ttlFor } from '../velero-schedules/cadence';
import { POLICY_KIND } from './graph';
import { POLICY_NAME, policyManifest } from './instance';

type Data = Record<string, any>;

function rpoTextSeconds(rpo: string): number | undefined {
  const match = /^(\d+)([hm])$/.exec(rpo);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === 'h' ? 3600 : 60);
}

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
  let docs: unknown[];
  try {
    docs = yamlData(text, file);
  } catch {
    return 'it is no longer valid YAML';
  }
  const policy = docs[0] as Data | undefined;
  if (
    docs.length !== 1 ||
    policy?.kind !== POLICY_KIND ||
    policy?.metadata?.name !== POLICY_NAME ||
    policy?.metadata?.namespace !== namespace
  )
    return `it is no longer just the BackupPolicy ${namespace}/${POLICY_NAME}`;
  const spec = (policy.spec ?? {}) as Data;
  const seconds =
    typeof spec.rpo === 'string' ? rpoTextSeconds(spec.rpo) : undefined;
  if (seconds === undefined) return 'its rpo is not one the generator writes';
  const derived = text.includes('Cron and TTL derived from the RPO');
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
  if (rebuilt !== text)
    return 'its fields, comments or layout differ from what kro-backup-policies writes';
  const interval = intervalMinutes(seconds);
  if (
    derived &&
    (interval === undefined ||
      spec.schedule !== cronFor(interval, namespace) ||
      spec.ttl !== ttlFor(seconds))
  )
    return 'its cron or TTL is no longer the one derived from its RPO';
  return undefined;
}
