import fs from 'node:fs';
import {
  applyChangeSet,
  createDirectoryRepoReader,
  findGenerator,
  runGenerator,
} from '@gitops-storage/plugin-storage-gitops';
import { FIXTURE_REPO } from './gitTestRepos';

/** Velero as a platform team would first install it (needed by velero-schedules). */
const VELERO_INSTALL = {
  credentials: { existingSecret: 'velero-credentials' },
  backupStorageLocations: [
    {
      name: 'default',
      bucket: 'velero-backups',
      s3Url: 'http://minio.minio.svc:9000',
    },
  ],
};

/** What must already be in the repository before a generator can run. */
const PREREQUISITES: Record<
  string,
  Array<{ generator: string; input: unknown }>
> = {
  'velero-schedules': [{ generator: 'velero', input: VELERO_INSTALL }],
  'kro-backup-policies': [{ generator: 'velero', input: VELERO_INSTALL }],
};

/** Runs the generators that `generatorId` builds on inside `repoDir`. */
export async function applyPrerequisites(
  repoDir: string,
  generatorId: string,
): Promise<void> {
  for (const step of PREREQUISITES[generatorId] ?? []) {
    const generator = findGenerator(step.generator)!;
    const changeSet = runGenerator(
      generator,
      createDirectoryRepoReader(repoDir),
      step.input,
    );
    await applyChangeSet(repoDir, changeSet);
  }
}

/**
 * A seed folder for a generator's tests: the fixture repository plus
 * whatever the generator builds on.
 */
export async function seedFor(
  dir: string,
  generatorId: string,
): Promise<string> {
  fs.cpSync(FIXTURE_REPO, dir, { recursive: true });
  await applyPrerequisites(dir, generatorId);
  return dir;
}
