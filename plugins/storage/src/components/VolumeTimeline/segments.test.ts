import type { HistoryTransition } from '@gitops-storage/plugin-storage-common';
import { volumeSegments } from './segments';

const volume = {
  cluster: 'prod',
  namespace: 'app',
  name: 'data',
  uid: 'u1',
  verdict: 'protected' as const,
  since: '2026-11-05T00:00:00.000Z',
};
const t = (
  at: string,
  from: HistoryTransition['from'],
  to: HistoryTransition['to'],
  uid = 'u1',
): HistoryTransition => ({
  volume: { ...volume, uid },
  at,
  from,
  to,
  reasons: [],
});
const ms = (iso: string) => Date.parse(iso);

describe('volumeSegments', () => {
  const start = ms('2026-11-01T00:00:00Z');
  const end = ms('2026-11-10T00:00:00Z');

  it('starts with no record before the volume was first seen', () => {
    expect(
      volumeSegments(
        volume,
        [
          t('2026-11-03T00:00:00Z', null, 'failing'),
          t('2026-11-05T00:00:00Z', 'failing', 'protected'),
          // another uid of the same claim name: not this volume
          t('2026-11-04T00:00:00Z', 'stale', 'failing', 'u0'),
        ],
        start,
        end,
      ),
    ).toEqual([
      { start, end: ms('2026-11-03T00:00:00Z'), verdict: null },
      {
        start: ms('2026-11-03T00:00:00Z'),
        end: ms('2026-11-05T00:00:00Z'),
        verdict: 'failing',
      },
      { start: ms('2026-11-05T00:00:00Z'), end, verdict: 'protected' },
    ]);
  });

  it('is the current verdict throughout when nothing changed in the window', () => {
    expect(volumeSegments(volume, [], start, end)).toEqual([
      { start, end, verdict: 'protected' },
    ]);
  });

  it('begins with the verdict the first change left', () => {
    expect(
      volumeSegments(
        volume,
        [t('2026-11-06T00:00:00Z', 'stale', 'protected')],
        start,
        end,
      )[0],
    ).toEqual({ start, end: ms('2026-11-06T00:00:00Z'), verdict: 'stale' });
  });
});
