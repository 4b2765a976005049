import type { KubeConfig } from '@kubernetes/client-node';
import { loadClientNode } from '../kubernetes/clientNode';
import type { ClusterConfig } from './clusterConfig';

type KubernetesCluster = Extract<ClusterConfig, { type: 'kubernetes' }>;

/** A client-node KubeConfig for one configured cluster. */
export async function kubeConfigFor(
  cluster: KubernetesCluster,
): Promise<KubeConfig> {
  const { KubeConfig } = await loadClientNode();
  const kc = new KubeConfig();
  const { auth } = cluster;
  if (auth.type === 'inCluster') {
    kc.loadFromCluster();
  } else if (auth.type === 'kubeconfig') {
    if (auth.path) kc.loadFromFile(auth.path);
    else kc.loadFromDefault();
    if (auth.context) kc.setCurrentContext(auth.context);
    if (!kc.getCurrentCluster()) {
      throw new Error(
        `cluster ${cluster.name}: the kubeconfig has no context ${
          auth.context ?? '(current)'
        }`,
      );
    }
  } else {
    kc.loadFromOptions({
      clusters: [
        {
          name: cluster.name,
          server: cluster.url,
          caData: cluster.caData,
          caFile: cluster.caFile,
          skipTLSVerify: cluster.skipTLSVerify ?? false,
        },
      ],
      users: [{ name: 'storage-plugin', token: auth.token }],
      contexts: [
        { name: cluster.name, cluster: cluster.name, user: 'storage-plugin' },
      ],
      currentContext: cluster.name,
    });
  }
  return kc;
}
