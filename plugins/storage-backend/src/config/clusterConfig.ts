import type { Config } from '@backstage/config';

/** How the plugin authenticates to a live cluster. */
export type KubernetesAuth =
  | { type: 'serviceAccount'; token?: string }
  | { type: 'kubeconfig'; path?: string; context?: string }
  | { type: 'inCluster' };

export type ClusterConfig =
  | {
      type: 'kubernetes';
      name: string;
      /** API server URL; from the kubeconfig when auth is `kubeconfig`. */
      url?: string;
      auth: KubernetesAuth;
      caData?: string;
      caFile?: string;
      skipTLSVerify?: boolean;
      veleroNamespace?: string;
    }
  | {
      type: 'snapshot';
      name: string;
      /** Directory of YAML/JSON files; relative to the backend's working directory. */
      path: string;
      /** Shift the snapshot's times so its capture time is now (demo data). */
      timeShift?: boolean;
    };

/**
 * The clusters to read: `storage.clusters`, else the Kubernetes plugin's
 * `kubernetes.clusterLocatorMethods` of type `config`, so a Backstage that
 * already shows workloads needs no new configuration.
 */
export function readClusterConfigs(config: Config): ClusterConfig[] {
  const own = config.getOptionalConfigArray('storage.clusters');
  if (own) return own.map(readStorageCluster);
  const locators =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return locators
    .filter(l => l.getString('type') === 'config')
    .flatMap(l => l.getOptionalConfigArray('clusters') ?? [])
    .map(readKubernetesPluginCluster);
}

function readStorageCluster(c: Config): ClusterConfig {
  const name = c.getString('name');
  const type = c.getOptionalString('type') ?? 'kubernetes';
  if (type === 'snapshot') {
    return {
      type,
      name,
      path: c.getString('path'),
      timeShift: c.getOptionalBoolean('timeShift'),
    };
  }
  if (type !== 'kubernetes') {
    throw new Error(
      `storage.clusters: cluster ${name} has type ${type}; use kubernetes or snapshot`,
    );
  }
  const authProvider = c.getOptionalString('authProvider') ?? 'serviceAccount';
  let auth: KubernetesAuth;
  switch (authProvider) {
    case 'serviceAccount':
      auth = {
        type: 'serviceAccount',
        token: c.getOptionalString('serviceAccountToken'),
      };
      break;
    case 'kubeconfig':
      auth = {
        type: 'kubeconfig',
        path: c.getOptionalString('kubeconfigPath'),
        context: c.getOptionalString('context'),
      };
      break;
    case 'inCluster':
      auth = { type: 'inCluster' };
      break;
    default:
      throw new Error(
        `storage.clusters: cluster ${name} has authProvider ${authProvider}; use serviceAccount, kubeconfig or inCluster`,
      );
  }
  const url = c.getOptionalString('url');
  if (!url && auth.type === 'serviceAccount') {
    throw new Error(`storage.clusters: cluster ${name} needs a url`);
  }
  return {
    type: 'kubernetes',
    name,
    url,
    auth,
    caData: c.getOptionalString('caData'),
    caFile: c.getOptionalString('caFile'),
    skipTLSVerify: c.getOptionalBoolean('skipTLSVerify'),
    veleroNamespace: c.getOptionalString('veleroNamespace'),
  };
}

function readKubernetesPluginCluster(c: Config): ClusterConfig {
  const name = c.getString('name');
  const authProvider = c.getOptionalString('authProvider') ?? 'serviceAccount';
  if (authProvider !== 'serviceAccount') {
    throw new Error(
      `kubernetes cluster ${name} uses authProvider ${authProvider}, which reads as the signed-in user; the storage plugin needs its own credentials: add it to storage.clusters with a service account token, kubeconfig or inCluster`,
    );
  }
  return {
    type: 'kubernetes',
    name,
    url: c.getString('url'),
    auth: {
      type: 'serviceAccount',
      token: c.getOptionalString('serviceAccountToken'),
    },
    caData: c.getOptionalString('caData'),
    caFile: c.getOptionalString('caFile'),
    skipTLSVerify: c.getOptionalBoolean('skipTLSVerify'),
  };
}
