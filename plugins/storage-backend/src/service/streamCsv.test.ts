import { toCsv, type CoverageRow } from '@gitops-storage/plugin-storage-common';
import { Writable } from 'node:stream';
import { streamCsv } from './streamCsv';

function row(i: number): CoverageRow {
  return {
    cluster: 'demo',
    namespace: 'team',
    name: `data-${i}`,
    verdict: 'protected',
    reasons: [],
    tier: 'nfs',
    accessModes: ['ReadWriteOnce'],
    volume: { source: 'nfs' },
    schedules: [],
    owners: ['group:default/team'],
    entityRefs: ['component:default/svc'],
  } as unknown as CoverageRow;
}

/** A slow client: a tiny buffer, each write acknowledged on the next turn. */
function slowClient(onChunk?: (count: number, sink: Writable) => void) {
  const chunks: string[] = [];
  const sink = new Writable({
    highWaterMark: 16,
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      onChunk?.(chunks.length, sink);
      setImmediate(done);
    },
  });
  return { sink, text: () => chunks.join(''), chunks };
}

describe('streamCsv', () => {
  it('writes the same CSV as toCsv, chunk by chunk, waiting for a slow client', async () => {
    const rows = Array.from({ length: 1234 }, (_, i) => row(i));
    const client = slowClient();
    const written = await streamCsv(client.sink, rows.length, i => rows[i]);
    expect(written).toBe(1234);
    expect(client.text()).toBe(toCsv(rows));
    // Header, then 500-row chunks: never the whole file in one write.
    expect(client.chunks).toHaveLength(1 + 3);
    // Waiting for each chunk leaves no listener behind.
    expect(client.sink.listenerCount('close')).toBe(0);
    expect(client.sink.listenerCount('drain')).toBe(0);
  });

  it('stops when the client goes away instead of serializing the rest', async () => {
    const built: number[] = [];
    const client = slowClient((count, sink) => {
      if (count === 2) sink.destroy();
    });
    const written = await streamCsv(client.sink, 100_000, i => {
      built.push(i);
      return row(i);
    });
    expect(written).toBeLessThan(100_000);
    expect(built.length).toBeLessThanOrEqual(1000);
  });
});
