/** One page of a Kubernetes list response. */
export interface ListPage {
  items: unknown[];
  metadata: { resourceVersion?: string; continue?: string };
}

/** A watch stream that can be stopped. */
export interface WatchHandle {
  abort(): void;
}

/**
 * The two calls a reflector needs from an API server. The production
 * implementation is client-node's; tests may use it against a fake server.
 */
export interface KubeTransport {
  list(
    path: string,
    query: Record<string, string | number | undefined>,
    /** Aborts the request (the reflector stops). */
    signal?: AbortSignal,
  ): Promise<ListPage>;
  watch(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    onEvent: (type: string, object: unknown) => void,
    onDone: (error?: unknown) => void,
  ): Promise<WatchHandle>;
  /** Bytes of list and watch bodies received so far (for benchmarks). */
  readonly bytesReceived: number;
}
