import type http from 'node:http';

/**
 * Faults that answer over the real wire protocol but misbehave in the body:
 * what a broken or hostile API server (or a proxy in front of one) does.
 */
export type StreamFault =
  /** Accept the request and never answer (until the server closes). */
  | { hang: true }
  /** Watches: 200, then lines that are not valid events (no bookmark, no object). */
  | { garbage: true }
  /** Watches: 200, then one line that never ends (`chunkBytes` every `everyMs`). */
  | { endlessLine: true; chunkBytes?: number; everyMs?: number }
  /** Watches: 200 with one `ERROR` event of this code (410 Gone, 504 …). */
  | { watchError: number; message?: string };

/** Lists: extra raw items (e.g. malformed objects) appended to every page. */
export type ListInjection = { injectItems: unknown[] };

const GARBAGE_LINES = [
  'this is not json',
  '{"type":"ADDED"}',
  '{"type":"MODIFIED","object":"not an object"}',
  '{"type":"ADDED","object":{"metadata":null}}',
  '{"type":"SURPRISE","object":{"metadata":{"name":"x","resourceVersion":"1"}}}',
  '[1,2,3]',
];

/**
 * Answers a request with a stream fault; returns true when it did. Timers
 * stop when the client goes away (or the server closes the socket).
 */
export function serveStreamFault(
  fault: object,
  res: http.ServerResponse,
  onOpen: (res: http.ServerResponse) => void,
): boolean {
  if ('hang' in fault) {
    onOpen(res);
    return true;
  }
  const streaming = (write: () => void, everyMs: number) => {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Transfer-Encoding': 'chunked',
    });
    onOpen(res);
    const timer = setInterval(() => {
      if (res.writableNeedDrain) return; // the client is not reading
      write();
    }, everyMs);
    const stop = () => clearInterval(timer);
    res.on('close', stop);
    res.on('finish', stop);
  };
  if ('garbage' in fault) {
    let i = 0;
    streaming(() => {
      res.write(`${GARBAGE_LINES[i++ % GARBAGE_LINES.length]}\n`);
    }, 20);
    return true;
  }
  if ('endlessLine' in fault) {
    const f = fault as { chunkBytes?: number; everyMs?: number };
    const chunk = Buffer.alloc(f.chunkBytes ?? 256 * 1024, 'x');
    streaming(() => {
      res.write(chunk);
    }, f.everyMs ?? 1);
    return true;
  }
  if ('watchError' in fault) {
    const f = fault as { watchError: number; message?: string };
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      `${JSON.stringify({
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: f.message ?? `injected watch error ${f.watchError}`,
          code: f.watchError,
        },
      })}\n`,
    );
    return true;
  }
  return false;
}
