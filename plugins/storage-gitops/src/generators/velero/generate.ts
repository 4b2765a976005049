import type { ChangeSet, RepoReader } from '../../types';
import { ChangeSetBuilder } from '../../changes/ChangeSetBuilder';
import { GeneratorError } from '../../errors/GeneratorError';
import { addStorageApplication } from '../../argocd/storageApplication';
import { ensureKustomizeEnableHelm } from '../../argocd/enableHelm';
import { storageAppDir } from '../../layout/paths';
import { writeHelmBase } from '../shared/helmApp';
import {
  ensureLocalVolumeType,
  hostPathClasses,
} from '../shared/localPathVolumeType';
import { DEFAULT_TIERS } from '../../tiers/defaultTiers';
import {
  awsPluginImage,
  checkUploader,
  deployedVeleroVersion,
} from './versions';
import type { VeleroInput } from './input';
import { metricsIngress } from './metricsIngress';
import { snapshotsEnabled } from './snapshots';
import { veleroValues } from './values';

export const VELERO_APP = 'velero';

function checkNodeAgent(input: VeleroInput): void {
  if (!input.deployNodeAgent) {
    throw new GeneratorError(
      'deployNodeAgent: must be true: file-system backup (the only backup of local and NFS volumes) runs in the node agent',
      {
        field: 'deployNodeAgent',
      },
    );
  }
}

/** The name of the default BSL: the one marked default, else the only/first one. */
function defaultLocation(input: VeleroInput): string {
  const names = input.backupStorageLocations.map(bsl => bsl.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) {
    throw new GeneratorError(
      `backupStorageLocations: the name '${duplicate}' is used twice`,
      { field: 'backupStorageLocations' },
    );
  }
  const marked = input.backupStorageLocations.filter(bsl => bsl.default);
  if (marked.length > 1) {
    throw new GeneratorError(
      'backupStorageLocations: only one location can be the default',
      { field: 'backupStorageLocations' },
    );
  }
  return (marked[0] ?? input.backupStorageLocations[0]).name;
}

/** Velero with kopia FSB, S3/MinIO locations, default schedules and its Application. */
export function generateVelero(
  repo: RepoReader,
  input: VeleroInput,
): ChangeSet {
  const veleroVersion = deployedVeleroVersion(
    input.chart.version,
    input.veleroVersion,
  );
  checkUploader(input.uploaderType, veleroVersion);
  checkNodeAgent(input);
  const pluginImage = awsPluginImage(veleroVersion, input.awsPluginImage);
  const defaultBsl = defaultLocation(input);
  const withSnapshots = snapshotsEnabled(
    input.volumeSnapshots,
    input.tiers,
    input.fileSystemOnlyClasses,
  );
  const builder = new ChangeSetBuilder(repo, 'velero');
  const appDir = storageAppDir(VELERO_APP);
  writeHelmBase(builder, {
    appDir,
    title: 'Velero: backups of every storage tier',
    namespace: input.namespace,
    chart: {
      name: 'velero',
      repo: input.chart.repo,
      version: input.chart.version,
      includeCRDs: true,
      vendor: input.chart.vendor,
    },
    releaseName: 'velero',
    values: veleroValues(input, {
      defaultBsl,
      withSnapshots,
      veleroVersion,
      pluginImage,
    }),
  });
  const overlayResources = ['../../base'];
  if (input.metricsIngress) {
    overlayResources.push('metrics-ingress.yaml');
    builder.createFile(
      `${appDir}/overlays/prod/metrics-ingress.yaml`,
      metricsIngress(input, input.metricsIngress),
    );
  }
  builder.createOrExtendKustomization(
    `${appDir}/overlays/prod/kustomization.yaml`,
    overlayResources,
    'Velero in prod. Per-namespace schedules (velero-schedules) are listed here too.\nWritten by backstage-storage.',
  );
  addStorageApplication(builder, {
    name: VELERO_APP,
    title: 'Velero',
    path: `${appDir}/overlays/prod`,
    namespace: input.namespace,
    // Server-side apply: Velero's CRDs exceed the client-side annotation limit.
    syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
    argocd: input.argocd,
  });
  // Every tier is backed up by file-system backup: local-path classes must provision `local` PVs.
  const tierClasses = (input.tiers ?? DEFAULT_TIERS).flatMap(
    t => t.storageClasses,
  );
  ensureLocalVolumeType(builder, hostPathClasses(repo, tierClasses));
  ensureKustomizeEnableHelm(builder, input.argocd);
  return builder.build(
    `Add Velero ${veleroVersion} (chart ${input.chart.version}, kopia, ${input.backupStorageLocations.length} backup location(s))`,
  );
}
