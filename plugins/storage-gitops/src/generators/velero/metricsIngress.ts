import { renderYaml } from '../../yaml/yamlDocument';
import type { VeleroInput } from './input';

/** nginx annotations that send every request through authentik forward auth first. */
export function authentikForwardAuthAnnotations(
  outpostUrl: string,
  host: string,
): Record<string, string> {
  return {
    'nginx.ingress.kubernetes.io/auth-url': `${outpostUrl.replace(
      /\/+$/,
      '',
    )}/outpost.goauthentik.io/auth/nginx`,
    'nginx.ingress.kubernetes.io/auth-signin': `https://${host}/outpost.goauthentik.io/start?rd=$scheme://$http_host$escaped_request_uri`,
    'nginx.ingress.kubernetes.io/auth-response-headers':
      'Set-Cookie,X-authentik-username,X-authentik-groups,X-authentik-entitlements,X-authentik-email,X-authentik-name,X-authentik-uid',
    'nginx.ingress.kubernetes.io/auth-snippet':
      'proxy_set_header X-Forwarded-Host $http_host;',
  };
}

/** The Ingress exposing Velero's metrics (service `velero`, port 8085) behind authentik. */
export function metricsIngress(
  input: VeleroInput,
  ingress: NonNullable<VeleroInput['metricsIngress']>,
): string {
  return renderYaml(
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'velero-metrics',
        namespace: input.namespace,
        annotations: authentikForwardAuthAnnotations(
          ingress.authentikOutpostUrl,
          ingress.host,
        ),
      },
      spec: {
        ingressClassName: ingress.ingressClassName,
        ...(ingress.tlsSecretName
          ? {
              tls: [
                { hosts: [ingress.host], secretName: ingress.tlsSecretName },
              ],
            }
          : {}),
        rules: [
          {
            host: ingress.host,
            http: {
              paths: [
                {
                  path: '/metrics',
                  pathType: 'Prefix',
                  backend: {
                    service: { name: 'velero', port: { number: 8085 } },
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      header: `Velero metrics at https://${ingress.host}/metrics, behind authentik forward auth.`,
    },
  );
}
