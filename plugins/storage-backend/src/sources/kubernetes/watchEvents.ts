/** What one watch line means to a reflector. */
export type WatchSignal =
  | { kind: 'upsert' | 'remove'; object: unknown; version: string }
  | { kind: 'bookmark'; version: string }
  | { kind: 'error'; code?: number; message: string }
  | { kind: 'invalid'; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads one parsed watch line. An event counts only when its object has
 * metadata with a resourceVersion (and a name, unless it is a bookmark):
 * anything else is `invalid` and must refresh nothing.
 */
export function readWatchEvent(type: string, object: unknown): WatchSignal {
  if (type === 'ERROR') {
    const status = isRecord(object) ? object : {};
    const code = typeof status.code === 'number' ? status.code : undefined;
    const message =
      typeof status.message === 'string' ? status.message : 'watch error';
    return { kind: 'error', code, message };
  }
  if (!['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK'].includes(type)) {
    return { kind: 'invalid', reason: `unknown watch event type` };
  }
  const metadata = isRecord(object) ? object.metadata : undefined;
  if (!isRecord(metadata)) {
    return { kind: 'invalid', reason: `${type} event without metadata` };
  }
  const version = metadata.resourceVersion;
  if (typeof version !== 'string' || !version) {
    return { kind: 'invalid', reason: `${type} event without resourceVersion` };
  }
  if (type === 'BOOKMARK') return { kind: 'bookmark', version };
  if (typeof metadata.name !== 'string' || !metadata.name) {
    return { kind: 'invalid', reason: `${type} event without a name` };
  }
  return { kind: type === 'DELETED' ? 'remove' : 'upsert', object, version };
}

/**
 * True when `next` is an older resourceVersion than `current`: the server
 * went back in time (restored from a backup, or replaced), so what the
 * reflector holds no longer matches it and it must relist. Versions are
 * compared as etcd revisions when both are decimal; otherwise never.
 */
export function goesBackwards(current: string, next: string): boolean {
  if (!/^\d+$/.test(current) || !/^\d+$/.test(next)) return false;
  if (current.length !== next.length) return next.length < current.length;
  return next < current;
}

/**
 * Errors after which the reflector's resourceVersion is useless: 410 Gone
 * (compacted), and "too large resource version" (504 or its message: the
 * server is behind the version, e.g. after a restart with other data).
 */
export function forcesRelist(code: number | undefined, message: string) {
  return (
    code === 410 || code === 504 || /too large resource version/i.test(message)
  );
}
