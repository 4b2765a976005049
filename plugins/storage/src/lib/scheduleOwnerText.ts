import type { ScheduleOwner } from '@gitops-storage/plugin-storage-common';

/** "kro: BackupPolicy payments/backup": who to change instead of the Schedule. */
export function scheduleOwnerText(owner: ScheduleOwner): string {
  const name = owner.namespace
    ? `${owner.namespace}/${owner.name}`
    : owner.name;
  return `kro: ${owner.kind} ${name}`;
}
