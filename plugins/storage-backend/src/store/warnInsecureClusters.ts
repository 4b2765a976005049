import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterConfig } from '../config/clusterConfig';

/**
 * Warns at startup about clusters read without TLS verification or over
 * plain HTTP: their answers (and the service-account token sent to them)
 * can be intercepted. The log names the cluster, never its credentials.
 */
export function warnInsecureClusters(
  clusters: readonly ClusterConfig[],
  logger: LoggerService,
): void {
  for (const cluster of clusters) {
    if (cluster.type !== 'kubernetes') continue;
    if (cluster.skipTLSVerify) {
      logger.warn(
        `storage: cluster ${cluster.name} has skipTLSVerify: true; its API server's certificate is not checked, so anyone on the network path can impersonate it. Set caData or caFile instead.`,
      );
    }
    if (cluster.url?.startsWith('http://')) {
      logger.warn(
        `storage: cluster ${cluster.name} is read over plain http://; its token and answers travel unencrypted. Use https://.`,
      );
    }
  }
}
