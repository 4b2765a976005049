import {
  rebuiltPlanEdits,
  rpoTextSeconds,
  saysCadenceDerived,
} from '../shared/planFile';
import { writtenObject } from '../shared/writtenObject';
import { scheduleManifest } from './schedule';

/**
 * How a namespace's Schedule file differs from what velero-schedules writes
 * for the data it holds, or undefined when it is exactly that. The file is
 * rebuilt from its own fields (namespace, tiers, RPO in its header, cron,
 * TTL, paused, location) and compared text for text, so any edit of a
 * value the generator does not set, of a comment or of the layout shows; a
 * derived cron or TTL must also still be the one its RPO gives.
 */
export function scheduleEdits(
  text: string,
  file: string,
  namespace: string,
): string | undefined {
  const schedule = writtenObject(
    text,
    file,
    `Schedule ns-${namespace}`,
    o =>
      o.kind === 'Schedule' &&
      o.metadata?.name === `ns-${namespace}` &&
      o.metadata?.labels?.['gitops-storage.dev/backup-namespace'] === namespace,
  );
  if (typeof schedule === 'string') return schedule;
  const header = /RPO (\d+[hm])\)/.exec(text);
  const seconds = header ? rpoTextSeconds(header[1]) : undefined;
  if (!header || seconds === undefined)
    return 'its header comment no longer gives the RPO';
  const derived = saysCadenceDerived(text);
  const tierLabel = schedule.metadata.labels['gitops-storage.dev/tier'];
  const rebuilt = scheduleManifest(
    {
      namespace,
      tiers: typeof tierLabel === 'string' ? tierLabel.split('_') : [],
      rpo: header[1],
      cron: String(schedule.spec?.schedule),
      ttl: String(schedule.spec?.template?.ttl),
      paused: schedule.spec?.paused === true,
      derived,
      ...(schedule.spec?.template?.labelSelector?.matchLabels
        ? { matchLabels: schedule.spec.template.labelSelector.matchLabels }
        : {}),
    },
    String(schedule.metadata.namespace),
    schedule.spec?.template?.storageLocation,
  );
  return rebuiltPlanEdits({
    text,
    rebuilt,
    generator: 'velero-schedules',
    namespace,
    rpoSeconds: seconds,
    derived,
    cron: schedule.spec?.schedule,
    ttl: schedule.spec?.template?.ttl,
  });
}
