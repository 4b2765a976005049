import type {
  ClusterHealth,
  ResourceErrorCode,
} from '@gitops-storage/plugin-storage-common';

/** Why a request failed without (or besides) an HTTP status. */
export type TransportFailure = 'timeout' | 'too-large' | 'invalid-response';

/**
 * An HTTP failure from a Kubernetes API server, with its status code. The
 * message may hold server text: it goes to the backend log only, never to
 * clients (see publicError).
 */
export class KubeApiError extends Error {
  readonly name = 'KubeApiError';
  constructor(
    message: string,
    readonly statusCode?: number,
    readonly failure?: TransportFailure,
  ) {
    super(message);
  }
}

/** The status code of an error thrown by our transport or by client-node. */
export function statusCodeOf(error: unknown): number | undefined {
  if (error && typeof error === 'object') {
    const e = error as { statusCode?: unknown; code?: unknown };
    if (typeof e.statusCode === 'number') return e.statusCode;
    if (typeof e.code === 'number') return e.code;
  }
  return undefined;
}

function failureOf(error: unknown): TransportFailure | undefined {
  return error instanceof KubeApiError ? error.failure : undefined;
}

/**
 * What an error means for the data of one resource type:
 * 403 → forbidden (RBAC), 404 → absent (CRD not installed), 401 → error
 * (credentials), 429/5xx → lagging (retrying), timeouts, oversized or
 * unparsable answers → lagging, no response → unreachable.
 */
export function classifyError(error: unknown): ClusterHealth | 'absent' {
  const code = statusCodeOf(error);
  if (code === 403) return 'forbidden';
  if (code === 404) return 'absent';
  if (code === 401) return 'error';
  if (code === 429 || (code !== undefined && code >= 500)) return 'lagging';
  if (failureOf(error)) return 'lagging';
  if (code === undefined) return 'unreachable';
  return 'error';
}

/** The full text of an error, for the backend log. */
export function describeError(error: unknown): string {
  const code = statusCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `HTTP ${code}: ${message}` : message;
}

const PUBLIC_TEXT: Record<ResourceErrorCode, string> = {
  unauthorized:
    'the API server refused the credentials of the storage plugin (401)',
  forbidden: 'the storage plugin may not list or watch this kind (403)',
  'not-found': 'the API server does not serve this kind (404)',
  throttled: 'the API server is throttling requests (429)',
  'server-error': 'the API server answered with an error',
  timeout: 'the API server did not answer in time',
  'too-large': 'the API server sent more data than allowed in one message',
  unreachable: 'the API server could not be reached',
  'invalid-response': 'the API server sent an answer that could not be read',
  'request-failed': 'the request to the API server failed',
};

/**
 * What clients may see of an error: a stable code, the HTTP status and a
 * fixed sentence. Server URLs, identities and server-provided text stay in
 * the backend log.
 */
export function publicError(error: unknown): {
  errorCode: ResourceErrorCode;
  httpStatus?: number;
  error: string;
} {
  const httpStatus = statusCodeOf(error);
  const failure = failureOf(error);
  let errorCode: ResourceErrorCode;
  if (failure) errorCode = failure;
  else if (httpStatus === 401) errorCode = 'unauthorized';
  else if (httpStatus === 403) errorCode = 'forbidden';
  else if (httpStatus === 404) errorCode = 'not-found';
  else if (httpStatus === 429) errorCode = 'throttled';
  else if (httpStatus !== undefined && httpStatus >= 500)
    errorCode = 'server-error';
  else if (httpStatus === undefined) errorCode = 'unreachable';
  else errorCode = 'request-failed';
  const text = PUBLIC_TEXT[errorCode];
  return {
    errorCode,
    ...(httpStatus !== undefined ? { httpStatus } : {}),
    error:
      httpStatus !== undefined && errorCode === 'server-error'
        ? `${text} (${httpStatus})`
        : text,
  };
}
