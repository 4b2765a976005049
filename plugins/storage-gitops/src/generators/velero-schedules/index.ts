import type { GitopsGenerator } from '../../types';
import { generateVeleroSchedules } from './generate';
import { veleroSchedulesInputSchema, type VeleroSchedulesInput } from './input';

export type { VeleroSchedulesInput } from './input';

/** `velero-schedules`: one Velero Schedule per namespace from its tiers' RPO. @public */
export const veleroSchedulesGenerator: GitopsGenerator<VeleroSchedulesInput> = {
  id: 'velero-schedules',
  title: 'Velero schedules per namespace',
  description:
    'Adds one Velero Schedule per namespace (file-system backup on) to the Velero app, with cron and TTL derived from the RPO of the namespace’s tiers unless given.',
  inputSchema: veleroSchedulesInputSchema,
  generate: generateVeleroSchedules,
};
