/**
 * authentik forward auth on ingress-nginx (authentik docs, "nginx → Ingress";
 * ingress-nginx external-auth annotations):
 * - nginx asks the outpost (`auth-url`, its in-cluster service: an external
 *   URL would make nginx overwrite the headers the outpost needs);
 * - the outpost picks the application by X-Forwarded-Host, which ingress-nginx
 *   does not set on the auth subrequest. authentik's own example sets it with
 *   `auth-snippet`, but snippet annotations are refused by a default
 *   ingress-nginx (allow-snippet-annotations: false, and snippets are
 *   "Critical" risk). Without the opt-in, the header comes from
 *   `auth-proxy-set-headers`: a ConfigMap in the Ingress's namespace (the
 *   controller refuses one in another namespace);
 * - the host is written literally (authentik: `$http_host` is empty over
 *   HTTP/3 and `$host` drops a non-standard port);
 * - `/outpost.goauthentik.io` on the same host must reach the outpost
 *   without authentication (the sign-in flow and its callback), or sign-in
 *   404s: a second Ingress routes it to an ExternalName Service for the
 *   outpost (Ingress backends must be in the Ingress's namespace).
 */
export interface ForwardAuth {
  /** The protected host, e.g. velero.platform.example.com. */
  host: string;
  /** In-cluster base URL of the authentik outpost. */
  outpostUrl: string;
  namespace: string;
  /** Name prefix of the objects (ConfigMap, Service, outpost Ingress). */
  name: string;
  ingressClassName: string;
  tlsSecretName?: string;
  /** Opt in to `auth-snippet` (needs allow-snippet-annotations on the controller). */
  authSnippet: boolean;
}

export const OUTPOST_PATH = '/outpost.goauthentik.io';

const RESPONSE_HEADERS =
  'Set-Cookie,X-authentik-username,X-authentik-groups,X-authentik-entitlements,X-authentik-email,X-authentik-name,X-authentik-uid';

export const headersConfigMapName = (auth: ForwardAuth) =>
  `${auth.name}-auth-headers`;
export const outpostServiceName = (auth: ForwardAuth) =>
  `${auth.name}-authentik-outpost`;

/** The annotations of the protected Ingress. */
export function forwardAuthAnnotations(
  auth: ForwardAuth,
): Record<string, string> {
  const base = auth.outpostUrl.replace(/\/+$/, '');
  return {
    'nginx.ingress.kubernetes.io/auth-url': `${base}${OUTPOST_PATH}/auth/nginx`,
    'nginx.ingress.kubernetes.io/auth-signin': `https://${auth.host}${OUTPOST_PATH}/start?rd=$scheme://${auth.host}$escaped_request_uri`,
    'nginx.ingress.kubernetes.io/auth-response-headers': RESPONSE_HEADERS,
    ...(auth.authSnippet
      ? {
          'nginx.ingress.kubernetes.io/auth-snippet': `proxy_set_header X-Forwarded-Host ${auth.host};`,
        }
      : {
          'nginx.ingress.kubernetes.io/auth-proxy-set-headers': `${
            auth.namespace
          }/${headersConfigMapName(auth)}`,
        }),
  };
}

function outpostEndpoint(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  if (parsed.port) return { host: parsed.hostname, port: Number(parsed.port) };
  return {
    host: parsed.hostname,
    port: parsed.protocol === 'https:' ? 443 : 80,
  };
}

/** The objects besides the protected Ingress: headers ConfigMap, outpost Service and outpost route. */
export function forwardAuthObjects(
  auth: ForwardAuth,
): Array<Record<string, unknown>> {
  const outpost = outpostEndpoint(auth.outpostUrl);
  const objects: Array<Record<string, unknown>> = [];
  if (!auth.authSnippet) {
    objects.push({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: headersConfigMapName(auth), namespace: auth.namespace },
      data: { 'X-Forwarded-Host': auth.host },
    });
  }
  objects.push(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: outpostServiceName(auth), namespace: auth.namespace },
      spec: {
        type: 'ExternalName',
        externalName: outpost.host,
        ports: [{ name: 'http', port: outpost.port, targetPort: outpost.port }],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: `${auth.name}-outpost`, namespace: auth.namespace },
      spec: {
        ingressClassName: auth.ingressClassName,
        ...(auth.tlsSecretName
          ? { tls: [{ hosts: [auth.host], secretName: auth.tlsSecretName }] }
          : {}),
        rules: [
          {
            host: auth.host,
            http: {
              paths: [
                {
                  path: OUTPOST_PATH,
                  pathType: 'Prefix',
                  backend: {
                    service: {
                      name: outpostServiceName(auth),
                      port: { number: outpost.port },
                    },
                  },
                },
              ],
            },
          },
        ],
      },
    },
  );
  return objects;
}
