import { GeneratorError } from '../../errors/GeneratorError';
import { compareVersions } from '../shared/velero';

/**
 * The Velero version each known chart version deploys: the chart's
 * `appVersion`, which is the image tag it uses unless `image.tag` is
 * overridden (the generator never overrides it). From the charts' Chart.yaml
 * (vmware-tanzu/helm-charts, tag velero-<version>); the tests check every
 * entry against the upstream Chart.yaml they have.
 */
export const CHART_VELERO_VERSIONS: Readonly<Record<string, string>> = {
  '12.1.0': '1.18.1',
};

/**
 * velero-plugin-for-aws releases known to work, by Velero minor: the
 * plugin's compatibility table pairs plugin v1.(N-4).x with Velero v1.N.x.
 */
export const AWS_PLUGIN_DEFAULTS: Readonly<Record<string, string>> = {
  '1.18': 'v1.14.1',
};

const minorOf = (version: string) =>
  version.replace(/^v/, '').split('.').slice(0, 2).join('.');

/** The plugin minor (`1.14`) that Velero `1.18.x` needs. */
export function awsPluginMinorFor(veleroVersion: string): string {
  const [major, minor] = minorOf(veleroVersion).split('.').map(Number);
  return `${major}.${minor - 4}`;
}

/** The Velero version that the chart deploys; a given veleroVersion must agree with it. */
export function deployedVeleroVersion(
  chartVersion: string,
  veleroVersion: string | undefined,
): string {
  const fromChart = CHART_VELERO_VERSIONS[chartVersion];
  if (fromChart && veleroVersion && veleroVersion !== fromChart) {
    throw new GeneratorError(
      `veleroVersion: the chart ${chartVersion} deploys Velero ${fromChart} (its appVersion, the image tag it uses); ${veleroVersion} is not what would run. Leave veleroVersion out, or pick the chart version that deploys ${veleroVersion}.`,
      { field: 'veleroVersion' },
    );
  }
  const version = fromChart ?? veleroVersion;
  if (!version) {
    throw new GeneratorError(
      `veleroVersion: required for chart ${chartVersion}: give the chart's appVersion (known charts: ${Object.entries(
        CHART_VELERO_VERSIONS,
      )
        .map(([chart, app]) => `${chart} → ${app}`)
        .join(', ')})`,
      { field: 'veleroVersion' },
    );
  }
  return version;
}

/** The AWS plugin image: the given one, checked against the compatibility table, or the known default. */
export function awsPluginImage(
  veleroVersion: string,
  image: string | undefined,
): string {
  const wantedMinor = awsPluginMinorFor(veleroVersion);
  if (image) {
    const tag = image.slice(image.lastIndexOf(':') + 1);
    if (/^v?\d+\.\d+/.test(tag) && minorOf(tag) !== wantedMinor) {
      throw new GeneratorError(
        `awsPluginImage: ${image} does not fit Velero ${veleroVersion}: velero-plugin-for-aws v${wantedMinor}.x is the release for Velero ${minorOf(
          veleroVersion,
        )}.x (the plugin's compatibility table)`,
        { field: 'awsPluginImage' },
      );
    }
    return image;
  }
  const tag = AWS_PLUGIN_DEFAULTS[minorOf(veleroVersion)];
  if (!tag) {
    throw new GeneratorError(
      `awsPluginImage: required for Velero ${veleroVersion}: give velero/velero-plugin-for-aws:v${wantedMinor}.<patch>`,
      { field: 'awsPluginImage' },
    );
  }
  return `velero/velero-plugin-for-aws:${tag}`;
}

/** Refuses restic where the deployed server refuses it (Velero 1.17 disabled restic backups; 1.18 refuses to start with it). */
export function checkUploader(
  uploaderType: 'kopia' | 'restic',
  veleroVersion: string,
): void {
  if (
    uploaderType === 'restic' &&
    compareVersions(veleroVersion, '1.17.0') >= 0
  ) {
    throw new GeneratorError(
      `uploaderType: restic cannot be used with Velero ${veleroVersion}, which this chart deploys. From Velero 1.17 backups through restic are disabled ` +
        '(only restores of old restic backups remain, and Velero 1.18 accepts only kopia as uploader: the server refuses to start otherwise). Use uploaderType: kopia.',
      { field: 'uploaderType' },
    );
  }
}
