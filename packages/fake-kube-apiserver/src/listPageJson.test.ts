import { FakeKubeApiServer } from './FakeKubeApiServer';
import { InMemoryResourceStore } from './InMemoryResourceStore';
import type { LabelRequirement } from './labelSelector';
import type { ResourcePath } from './ResourceStore';

/** A store that also serves its pages as serialized JSON, counting when it does. */
class SerializingStore extends InMemoryResourceStore {
  jsonPages = 0;
  listPageJson(
    path: ResourcePath,
    offset: number,
    limit: number,
    selector?: readonly LabelRequirement[],
  ) {
    this.jsonPages++;
    const page = this.listPage(path, offset, limit, selector);
    return { items: page.items.map(o => JSON.stringify(o)), total: page.total };
  }
}

const pods = { group: '', version: 'v1', resource: 'pods' };

describe('stores that serve serialized pages', () => {
  it('answers the same list bodies as from objects, paging included', async () => {
    const plain = new InMemoryResourceStore();
    const serializing = new SerializingStore();
    for (const name of ['a', 'b', 'c']) {
      const pod = {
        metadata: { name, namespace: 'ns', labels: { app: 'web' } },
      };
      plain.put(pods, pod);
      serializing.put(pods, pod);
    }
    const servers = await Promise.all([
      FakeKubeApiServer.start({ store: plain }),
      FakeKubeApiServer.start({ store: serializing }),
    ]);
    try {
      const bodies = async (query: string) =>
        Promise.all(
          servers.map(async s =>
            (await fetch(`${s.url}/api/v1/pods?${query}`)).text(),
          ),
        );
      const [fromObjects, fromJson] = await bodies(
        'limit=2&labelSelector=app%3Dweb',
      );
      expect(fromJson).toBe(fromObjects);
      expect(JSON.parse(fromJson).items).toHaveLength(2);
      expect(JSON.parse(fromJson).metadata.remainingItemCount).toBe(1);

      const [allFromObjects, allFromJson] = await bodies('');
      expect(allFromJson).toBe(allFromObjects);
      expect(serializing.jsonPages).toBe(2);
      expect(servers[1].stats.bytesSent).toBe(servers[0].stats.bytesSent);
    } finally {
      await Promise.all(servers.map(s => s.close()));
    }
  });
});
