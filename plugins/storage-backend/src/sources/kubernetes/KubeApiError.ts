import type { ClusterHealth } from '@gitops-storage/plugin-storage-common';

/** An HTTP failure from a Kubernetes API server, with its status code. */
export class KubeApiError extends Error {
  readonly name = 'KubeApiError';
  constructor(message: string, readonly statusCode?: number) {
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

/**
 * What an error means for the data of one resource type:
 * 403 → forbidden (RBAC), 404 → absent (CRD not installed), 401 → error
 * (credentials), 429/5xx → lagging (retrying), no response → unreachable.
 */
export function classifyError(error: unknown): ClusterHealth | 'absent' {
  const code = statusCodeOf(error);
  if (code === 403) return 'forbidden';
  if (code === 404) return 'absent';
  if (code === 401) return 'error';
  if (code === 429 || (code !== undefined && code >= 500)) return 'lagging';
  if (code === undefined) return 'unreachable';
  return 'error';
}

export function describeError(error: unknown): string {
  const code = statusCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `HTTP ${code}: ${message}` : message;
}
