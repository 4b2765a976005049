import { emptyVerdictCounts } from '@gitops-storage/plugin-storage-common';
import type { StoredVolume } from './diffVolumes';
import type { DailyCount } from './HistoryStore';
import { entitySeries, firstDay, fleetSeries } from './historySeries';
import type { VolumeTransition } from './types';

const volume = { cluster: 'prod', namespace: 'app', name: 'data', uid: 'u1' };

function transition(
  at: string,
  from: VolumeTransition['from'],
  to: VolumeTransition['to'],
  seq: number,
): VolumeTransition {
  return { volume, seq, from, to, reasons: [], at, demo: false };
}

describe('entitySeries', () => {
  const now = new Date('2026-11-10T12:00:00Z');

  it("gives each day the verdict the volume had at the day's end", () => {
    const state: StoredVolume = {
      ...volume,
      verdict: 'protected',
      seq: 3,
      since: '2026-11-09T08:00:00.000Z',
    };
    const series = entitySeries(
      [state],
      [
        transition('2026-11-07T10:00:00.000Z', null, 'stale', 1),
        transition('2026-11-08T10:00:00.000Z', 'stale', 'failing', 2),
        transition('2026-11-09T08:00:00.000Z', 'failing', 'protected', 3),
      ],
      now,
      5,
    );
    expect(
      series.map(p => [
        p.date,
        Object.entries(p.byVerdict).find(([, n]) => n > 0)?.[0],
      ]),
    ).toEqual([
      // 11-06: before the volume was first seen: no point.
      ['2026-11-07', 'stale'],
      ['2026-11-08', 'failing'],
      ['2026-11-09', 'protected'],
      ['2026-11-10', 'protected'],
    ]);
  });

  it('walks back from the current state when retention removed the older transitions', () => {
    const state: StoredVolume = {
      ...volume,
      verdict: 'failing',
      seq: 9,
      since: '2026-11-09T00:00:00.000Z',
    };
    const series = entitySeries(
      [state],
      [transition('2026-11-09T00:00:00.000Z', 'protected', 'failing', 9)],
      now,
      3,
    );
    expect(
      series.map(p => [p.date, p.byVerdict.protected, p.byVerdict.failing]),
    ).toEqual([
      ['2026-11-08', 1, 0],
      ['2026-11-09', 0, 1],
      ['2026-11-10', 0, 1],
    ]);
  });

  it('counts a deleted volume until it was deleted', () => {
    const series = entitySeries(
      [],
      [transition('2026-11-09T06:00:00.000Z', 'protected', null, 4)],
      now,
      3,
    );
    expect(series.map(p => [p.date, p.total])).toEqual([['2026-11-08', 1]]);
  });
});

describe('fleetSeries', () => {
  const count = (
    day: string,
    n: number,
    entityRefs: string[],
    owners: string[],
    demo = false,
  ): DailyCount => ({
    day,
    verdict: 'protected',
    entityRefs,
    owners,
    count: n,
    demo,
  });

  it('counts only volumes the caller may read, and owners of readable entities', () => {
    const counts = [
      count('2026-11-01', 2, ['component:default/a'], ['group:default/x']),
      count('2026-11-01', 3, ['component:default/hidden'], ['group:default/y']),
      count(
        '2026-11-01',
        4,
        ['component:default/a', 'component:default/hidden'],
        ['group:default/x', 'group:default/y'],
      ),
      count('2026-11-01', 5, [], []),
      count('2026-11-02', 1, [], [], true),
    ];
    const readable = new Set(['component:default/a']);
    const all = fleetSeries(counts, readable);
    expect(all.series).toEqual([
      {
        date: '2026-11-01',
        byVerdict: { ...emptyVerdictCounts(), protected: 11 },
        total: 11,
      },
      {
        date: '2026-11-02',
        byVerdict: { ...emptyVerdictCounts(), protected: 1 },
        total: 1,
      },
    ]);
    expect(all.demo).toBe(true);
    // group y owns only the hidden entity: nothing of it is shown.
    expect(fleetSeries(counts, readable, ['group:default/y']).series).toEqual(
      [],
    );
    expect(
      fleetSeries(counts, readable, ['GROUP:default/x']).series[0].total,
    ).toBe(6);
  });
});

describe('firstDay', () => {
  it('is the first of N days ending today (UTC)', () => {
    expect(firstDay(new Date('2026-11-10T23:30:00Z'), 1)).toBe('2026-11-10');
    expect(firstDay(new Date('2026-11-10T00:30:00Z'), 30)).toBe('2026-10-12');
  });
});
