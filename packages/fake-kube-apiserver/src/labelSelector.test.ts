import { FakeKubeApiServer } from './FakeKubeApiServer';
import { InMemoryResourceStore } from './InMemoryResourceStore';
import { matchesLabels, parseLabelSelector } from './labelSelector';

describe('parseLabelSelector', () => {
  it.each([
    ['', []],
    ['app=web', [{ key: 'app', operator: 'in', values: ['web'] }]],
    ['app==web', [{ key: 'app', operator: 'in', values: ['web'] }]],
    ['app!=web', [{ key: 'app', operator: 'notin', values: ['web'] }]],
    [
      'velero.io/pvc-uid in (a, b),tier notin (x)',
      [
        { key: 'velero.io/pvc-uid', operator: 'in', values: ['a', 'b'] },
        { key: 'tier', operator: 'notin', values: ['x'] },
      ],
    ],
    [
      'backstage.io/kubernetes-id',
      [{ key: 'backstage.io/kubernetes-id', operator: 'exists', values: [] }],
    ],
    ['!legacy', [{ key: 'legacy', operator: 'doesnotexist', values: [] }]],
  ])('reads %j', (text, expected) => {
    expect(parseLabelSelector(text)).toEqual(expected);
  });

  it.each(['app=(web', 'app in web', '=web', 'app=web=x'])(
    'rejects %j',
    text => {
      expect(() => parseLabelSelector(text)).toThrow(
        /unable to parse requirement/,
      );
    },
  );
});

describe('matchesLabels', () => {
  const labels = { app: 'web', tier: 'fast' };
  it.each([
    ['app=web', true],
    ['app=db', false],
    ['app!=db', true],
    ['other!=x', true],
    ['app in (db,web)', true],
    ['tier notin (fast)', false],
    ['app', true],
    ['!app', false],
    ['!other', true],
    ['app=web,tier=bulk', false],
  ])('%s → %s', (text, expected) => {
    expect(matchesLabels(labels, parseLabelSelector(text))).toBe(expected);
  });

  it('treats missing labels as no labels', () => {
    expect(matchesLabels(undefined, parseLabelSelector('!app'))).toBe(true);
    expect(matchesLabels(undefined, parseLabelSelector('app'))).toBe(false);
  });
});

describe('lists with a labelSelector', () => {
  const pods = { group: '', version: 'v1', resource: 'pods' };
  let server: FakeKubeApiServer;

  beforeAll(async () => {
    const store = new InMemoryResourceStore();
    for (const [name, app] of [
      ['a', 'web'],
      ['b', 'db'],
      ['c', 'web'],
      ['d', undefined],
    ]) {
      store.put(pods, {
        metadata: {
          name: name!,
          namespace: 'ns',
          ...(app ? { labels: { app } } : {}),
        },
      });
    }
    server = await FakeKubeApiServer.start({ store });
  });

  afterAll(() => server.close());

  async function list(query: string) {
    const res = await fetch(`${server.url}/api/v1/pods?${query}`);
    return { status: res.status, body: await res.json() };
  }

  it('returns only the matching objects, paged over the matches', async () => {
    const first = await list('labelSelector=app%3Dweb&limit=1');
    expect(first.body.items.map((p: any) => p.metadata.name)).toEqual(['a']);
    expect(first.body.metadata.remainingItemCount).toBe(1);
    const second = await list(
      `labelSelector=app%3Dweb&limit=1&continue=${first.body.metadata.continue}`,
    );
    expect(second.body.items.map((p: any) => p.metadata.name)).toEqual(['c']);
    expect(second.body.metadata.continue).toBeUndefined();
  });

  it('answers 400 with a Status for a selector it cannot read', async () => {
    const res = await list('labelSelector=app%20in%20web');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
      code: 400,
    });
  });

  it('lists everything without a selector', async () => {
    const res = await list('');
    expect(res.body.items).toHaveLength(4);
  });
});
