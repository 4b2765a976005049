import {
  csvHeaderLine,
  csvLine,
  type CoverageRow,
} from '@gitops-storage/plugin-storage-common';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Rows serialized per write: large enough to be cheap, small enough to stay bounded. */
const ROWS_PER_CHUNK = 500;

/**
 * Writes the coverage CSV of `count` rows to `out`, a chunk at a time,
 * waiting for the client whenever the socket's buffer is full, so memory
 * stays bounded by one chunk whatever the fleet's size. Stops early when
 * the client goes away. Returns the rows written.
 */
export async function streamCsv(
  out: Writable,
  count: number,
  row: (index: number) => CoverageRow,
): Promise<number> {
  if (!out.write(csvHeaderLine())) await drained(out);
  let written = 0;
  while (written < count && !out.destroyed) {
    const end = Math.min(count, written + ROWS_PER_CHUNK);
    let chunk = '';
    for (let i = written; i < end; i++) chunk += csvLine(row(i));
    written = end;
    if (!out.write(chunk)) await drained(out);
  }
  return written;
}

async function drained(out: Writable): Promise<void> {
  if (out.destroyed) return;
  // 'close' too: a client that disconnects never drains. The listener of
  // the event that did not happen is removed, or every chunk would add one.
  const done = new AbortController();
  try {
    await Promise.race([
      once(out, 'drain', { signal: done.signal }),
      once(out, 'close', { signal: done.signal }),
    ]);
  } finally {
    done.abort();
  }
}
