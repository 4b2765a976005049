import type { ClusterStatus } from '@gitops-storage/plugin-storage-common';
import { clusterConfirmedAt, isDataStale } from './dataAge';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const live = (over: Partial<ClusterStatus>): ClusterStatus => ({
  name: 'prod',
  status: 'synced',
  source: 'kubernetes',
  staleAfterSeconds: 300,
  ...over,
});

describe('data age', () => {
  it('takes the oldest confirmation of the kinds a cluster serves', () => {
    const cluster = live({
      resources: [
        {
          resource: 'Pod',
          status: 'synced',
          lastEventAt: '2026-12-01T11:59:00Z',
        },
        {
          resource: 'Backup',
          status: 'lagging',
          lastEventAt: '2026-12-01T11:00:00Z',
        },
        { resource: 'DataUpload', status: 'absent' },
      ],
    });
    expect(clusterConfirmedAt(cluster)).toBe('2026-12-01T11:00:00Z');
    expect(isDataStale(cluster, NOW)).toBe(true);
  });

  it('prefers the backend figure, and is fresh within staleAfterSeconds', () => {
    const cluster = live({ lastConfirmedAt: '2026-12-01T11:58:00Z' });
    expect(isDataStale(cluster, NOW)).toBe(false);
    expect(isDataStale(cluster, NOW + 10 * 60_000)).toBe(true);
  });

  it('a live cluster never read is stale; a snapshot never ages', () => {
    expect(
      isDataStale(
        live({ resources: [{ resource: 'Pod', status: 'unreachable' }] }),
        NOW,
      ),
    ).toBe(true);
    expect(
      isDataStale({ name: 'demo', status: 'synced', source: 'snapshot' }, NOW),
    ).toBe(false);
  });
});
