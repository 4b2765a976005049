import { volumesHiddenBy } from './clusterRelevance';

describe('volumesHiddenBy', () => {
  it('is a synced cluster whose kinds all read: hides nothing, ever', () => {
    expect(
      volumesHiddenBy({
        name: 'east',
        status: 'synced',
        resources: [
          { resource: 'Pod', status: 'synced' },
          // A Velero CRD that is not installed is not a read failure.
          { resource: 'DataUpload', status: 'absent' },
        ],
      }),
    ).toEqual({ now: false });
  });

  it.each([
    ['syncing', { name: 'east', status: 'syncing' as const }],
    ['unreachable', { name: 'east', status: 'unreachable' as const }],
    [
      'a kind that failed',
      {
        name: 'east',
        status: 'synced' as const,
        resources: [
          {
            resource: 'PersistentVolumeClaim',
            status: 'forbidden' as const,
            error: 'persistentvolumeclaims is forbidden',
          },
        ],
      },
    ],
    [
      'live data never confirmed',
      { name: 'east', status: 'synced' as const, staleAfterSeconds: 60 },
    ],
  ])('may hide volumes now when %s', (_, status) => {
    expect(volumesHiddenBy(status).now).toBe(true);
  });

  it('may hide volumes from the moment its data is older than allowed', () => {
    expect(
      volumesHiddenBy({
        name: 'east',
        status: 'synced',
        staleAfterSeconds: 60,
        lastConfirmedAt: '2026-12-02T00:00:00Z',
      }),
    ).toEqual({ now: false, after: Date.parse('2026-12-02T00:01:00Z') });
  });
});
