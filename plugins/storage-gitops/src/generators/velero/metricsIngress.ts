import { renderYamlDocuments } from '../../yaml/yamlDocument';
import {
  type ForwardAuth,
  forwardAuthAnnotations,
  forwardAuthObjects,
} from '../shared/authentik/forwardAuth';
import type { VeleroInput } from './input';

/** The Ingress exposing Velero's metrics (service `velero`, port 8085) behind authentik, and its outpost route. */
export function metricsIngress(
  input: VeleroInput,
  ingress: NonNullable<VeleroInput['metricsIngress']>,
): string {
  const auth: ForwardAuth = {
    host: ingress.host,
    outpostUrl: ingress.authentikOutpostUrl,
    namespace: input.namespace,
    name: 'velero-metrics',
    ingressClassName: ingress.ingressClassName,
    tlsSecretName: ingress.tlsSecretName,
    authSnippet: ingress.authSnippet,
  };
  const protectedIngress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'velero-metrics',
      namespace: input.namespace,
      annotations: forwardAuthAnnotations(auth),
    },
    spec: {
      ingressClassName: ingress.ingressClassName,
      ...(ingress.tlsSecretName
        ? {
            tls: [{ hosts: [ingress.host], secretName: ingress.tlsSecretName }],
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
  };
  return renderYamlDocuments([
    {
      data: protectedIngress,
      header: [
        `Velero metrics at https://${ingress.host}/metrics, behind authentik forward auth.`,
        ingress.authSnippet
          ? 'auth-snippet sets X-Forwarded-Host: the controller must allow snippet annotations.'
          : 'No snippet (refused by a default ingress-nginx): X-Forwarded-Host comes from the ConfigMap below.',
        'Prerequisites: ingress-nginx, and an authentik proxy provider (forward auth) for this host.',
        'Written by backstage-storage.',
      ].join('\n'),
    },
    ...forwardAuthObjects(auth).map(data => ({ data })),
  ]);
}
