import type { GitopsGenerator } from '../../types';
import { generateVelero } from './generate';
import { veleroInputSchema, type VeleroInput } from './input';

export type { VeleroInput } from './input';

/** `velero`: the Velero chart with kopia FSB, S3/MinIO locations and schedules. @public */
export const veleroGenerator: GitopsGenerator<VeleroInput> = {
  id: 'velero',
  title: 'Velero',
  description:
    'Adds Velero (pinned chart, CRDs included) under apps/storage with kopia file-system backup, S3/MinIO backup locations using an existing credentials Secret, default schedules and its Argo CD Application.',
  inputSchema: veleroInputSchema,
  generate: generateVelero,
};
