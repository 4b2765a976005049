import { GeneratorError } from '../../errors/GeneratorError';
import { storageAppDir } from '../../layout/paths';
import type { RepoReader } from '../../types';
import { yamlData } from '../../yaml/yamlDocument';

/** What the schedules need to know of the repository's Velero app. */
export interface VeleroApp {
  /** The namespace Velero runs in (its Schedules must be there). */
  namespace: string;
  /** Names of the BackupStorageLocations the chart creates. */
  storageLocations: string[];
  /** The default location, if one is marked. */
  defaultLocation?: string;
}

const BASE = `${storageAppDir('velero')}/base`;

type Obj = Record<string, any>;

function single(repo: RepoReader, path: string): Obj | undefined {
  const text = repo.readFile(path);
  if (text === undefined) return undefined;
  return yamlData(text, path)[0] as Obj | undefined;
}

/**
 * Reads the Velero app that the `velero` generator wrote: the namespace of
 * its chart and the backup storage locations of its values.
 */
export function readVeleroApp(repo: RepoReader): VeleroApp {
  const kustomization = single(repo, `${BASE}/kustomization.yaml`);
  const chart = (kustomization?.helmCharts as Obj[] | undefined)?.find(
    c => c?.name === 'velero',
  );
  if (!chart) {
    throw new GeneratorError(
      `'${BASE}/kustomization.yaml' has no velero chart: schedules extend the Velero app; run the velero generator first.`,
      { code: 'missing-parent', file: `${BASE}/kustomization.yaml` },
    );
  }
  const namespace = String(
    chart.namespace ?? kustomization?.namespace ?? 'velero',
  );
  const valuesPath = `${BASE}/${chart.valuesFile ?? 'values.yaml'}`;
  const values = single(repo, valuesPath) ?? {};
  const locations = (values.configuration?.backupStorageLocation ??
    []) as Obj[];
  const storageLocations = locations.map(l => String(l?.name ?? 'default'));
  return {
    namespace,
    storageLocations,
    defaultLocation: locations.find(l => l?.default === true)?.name,
  };
}
