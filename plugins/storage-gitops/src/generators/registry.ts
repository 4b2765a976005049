import type { GitopsGenerator } from '../types';
import { kroBackupPoliciesGenerator } from './kro-backup-policies';
import { kroInventoryGenerator } from './kro-inventory';
import { nfsProvisionerGenerator } from './nfs-provisioner';
import { veleroGenerator } from './velero';
import { veleroSchedulesGenerator } from './velero-schedules';
import { volumeRequestGenerator } from './volume-request';

/**
 * Every generator, in the order a platform is usually built up. Each is
 * exposed as `backstage-storage gitops <id>` and as the scaffolder action
 * `storage:gitops:<id>`.
 * @public
 */
export const gitopsGenerators: GitopsGenerator<any>[] = [
  nfsProvisionerGenerator,
  veleroGenerator,
  kroInventoryGenerator,
  veleroSchedulesGenerator,
  kroBackupPoliciesGenerator,
  volumeRequestGenerator,
];

/** The generator with this id, or undefined. @public */
export function findGenerator(id: string): GitopsGenerator<any> | undefined {
  return gitopsGenerators.find(generator => generator.id === id);
}
