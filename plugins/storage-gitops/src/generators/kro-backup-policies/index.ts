import type { GitopsGenerator } from '../../types';
import { generateKroBackupPolicies } from './generate';
import {
  kroBackupPoliciesInputSchema,
  type KroBackupPoliciesInput,
} from './input';

export type { KroBackupPoliciesInput } from './input';

/** `kro-backup-policies`: a kro graph turning one BackupPolicy per namespace into its Velero Schedule. @public */
export const kroBackupPoliciesGenerator: GitopsGenerator<KroBackupPoliciesInput> =
  {
    id: 'kro-backup-policies',
    title: 'Kro backup policies per namespace',
    description:
      'Adds a kro ResourceGraphDefinition (v0.9) for a namespaced BackupPolicy that emits the Velero Schedule velero-schedules would write (file-system backup, cron and TTL from the RPO of the tiers), and one BackupPolicy per namespace, synced after the services.',
    inputSchema: kroBackupPoliciesInputSchema,
    generate: generateKroBackupPolicies,
  };
