import { matchesLabels, type LabelRequirement } from './labelSelector';
import { pathCovers, sameResource } from './resourcePath';
import type {
  ResourcePath,
  ResourceStore,
  StoredObject,
  WatchEvent,
} from './ResourceStore';

type TypeKey = string;

interface LoggedEvent {
  version: number;
  type: TypeKey;
  namespace?: string;
  event: WatchEvent;
}

const typeKey = (p: ResourcePath): TypeKey =>
  `${p.group}/${p.version}/${p.resource}`;
const objectKey = (o: StoredObject) =>
  `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/**
 * Objects held in memory with a global resource version and an event log,
 * like etcd behind an API server. `compact()` drops old events, after which
 * watches from older versions get `410 Gone`.
 */
export class InMemoryResourceStore implements ResourceStore {
  #version = 1;
  #types = new Map<TypeKey, Map<string, StoredObject>>();
  #log: LoggedEvent[] = [];
  #oldestKept = 1;
  #listeners = new Set<(path: ResourcePath, event: WatchEvent) => void>();

  /** Makes a resource type exist (empty), so lists answer 200 instead of 404. */
  defineResource(path: Omit<ResourcePath, 'namespace'>): this {
    if (!this.#types.has(typeKey(path)))
      this.#types.set(typeKey(path), new Map());
    return this;
  }

  /** Creates or replaces an object; emits ADDED or MODIFIED. */
  put(
    path: Omit<ResourcePath, 'namespace'>,
    object: StoredObject,
  ): StoredObject {
    this.defineResource(path);
    const objects = this.#types.get(typeKey(path))!;
    const stored = clone(object);
    const version = ++this.#version;
    stored.metadata.resourceVersion = String(version);
    const type = objects.has(objectKey(stored)) ? 'MODIFIED' : 'ADDED';
    objects.set(objectKey(stored), stored);
    this.#record(path, version, stored, { type, object: clone(stored) });
    return stored;
  }

  /** Deletes an object; emits DELETED. Returns false when there was none. */
  delete(
    path: Omit<ResourcePath, 'namespace'>,
    name: string,
    namespace?: string,
  ): boolean {
    const objects = this.#types.get(typeKey(path));
    const key = `${namespace ?? ''}/${name}`;
    const existing = objects?.get(key);
    if (!objects || !existing) return false;
    objects.delete(key);
    const version = ++this.#version;
    const object = clone(existing);
    object.metadata.resourceVersion = String(version);
    this.#record(path, version, object, { type: 'DELETED', object });
    return true;
  }

  /** Forgets every event so far: watches from older versions get 410 Gone. */
  compact(): void {
    this.#log = [];
    this.#oldestKept = this.#version + 1;
  }

  hasResource(path: ResourcePath): boolean {
    return this.#types.has(typeKey(path));
  }

  currentVersion(): string {
    return String(this.#version);
  }

  listPage(
    path: ResourcePath,
    offset: number,
    limit: number,
    selector: readonly LabelRequirement[] = [],
  ) {
    const all = [...(this.#types.get(typeKey(path))?.values() ?? [])].filter(
      o =>
        pathCovers(path, o.metadata.namespace) &&
        matchesLabels(
          o.metadata.labels as Record<string, string> | undefined,
          selector,
        ),
    );
    return { items: all.slice(offset, offset + limit), total: all.length };
  }

  eventsSince(
    path: ResourcePath,
    resourceVersion: string,
  ): WatchEvent[] | 'gone' {
    const since = Number(resourceVersion);
    if (!Number.isFinite(since)) return 'gone';
    if (since + 1 < this.#oldestKept) return 'gone';
    return this.#log
      .filter(
        e =>
          e.version > since &&
          e.type === typeKey(path) &&
          pathCovers(path, e.namespace),
      )
      .map(e => e.event);
  }

  subscribe(listener: (path: ResourcePath, event: WatchEvent) => void) {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #record(
    path: Omit<ResourcePath, 'namespace'>,
    version: number,
    object: StoredObject,
    event: WatchEvent,
  ) {
    const namespace = object.metadata.namespace;
    this.#log.push({ version, type: typeKey(path), namespace, event });
    for (const listener of this.#listeners) {
      listener({ ...path, namespace }, event);
    }
  }
}

export { sameResource };
