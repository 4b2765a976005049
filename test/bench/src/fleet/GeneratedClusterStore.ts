import {
  matchesLabels,
  type LabelRequirement,
  type ResourcePath,
  type ResourceStore,
  type StoredObject,
  type WatchEvent,
} from '@gitops-storage/fake-kube-apiserver';
import { ClusterLayout } from './ClusterLayout';
import type { FleetSize } from './FleetSize';
import { rfc3339 } from './kubeFields';
import { kindTables, type KindTable } from './kindTables';

/** The resource version every generated object starts at. */
const BASE_VERSION = 1000;

interface LoggedEvent {
  version: number;
  resource: string;
  namespace?: string;
  event: WatchEvent;
}

type Listener = (path: ResourcePath, event: WatchEvent) => void;

const keyOf = (p: { group: string; version: string; resource: string }) =>
  `${p.group}/${p.version}/${p.resource}`;

function labelsOf(object: StoredObject): Record<string, string> | undefined {
  return object.metadata.labels as Record<string, string> | undefined;
}

/**
 * A generated cluster behind the fake API server: objects are made on demand
 * from the cluster's layout (deterministic from the seed), so the server holds
 * a few arrays per cluster instead of its 75,000 PodVolumeBackups. Changed
 * objects are kept as overrides and announced as watch events.
 */
export class GeneratedClusterStore implements ResourceStore {
  readonly layout: ClusterLayout;
  #tables = new Map<string, KindTable>();
  #overrides = new Map<string, Map<number, StoredObject>>();
  #version = BASE_VERSION;
  #log: LoggedEvent[] = [];
  #listeners = new Set<Listener>();

  constructor(size: FleetSize, clusterIndex: number, now: number) {
    this.layout = new ClusterLayout(size, clusterIndex, now);
    for (const table of kindTables(this.layout))
      this.#tables.set(keyOf(table.path), table);
  }

  /** How many objects of each resource the cluster serves. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const table of this.#tables.values())
      out[table.path.resource] = table.count;
    return out;
  }

  hasResource(path: ResourcePath): boolean {
    return this.#tables.has(keyOf(path));
  }

  currentVersion(): string {
    return String(this.#version);
  }

  listPage(
    path: ResourcePath,
    offset: number,
    limit: number,
    selector?: readonly LabelRequirement[],
  ): { items: StoredObject[]; total: number } {
    return this.#page(path, offset, limit, selector, (table, i) =>
      this.#object(table, i),
    );
  }

  listPageJson(
    path: ResourcePath,
    offset: number,
    limit: number,
    selector?: readonly LabelRequirement[],
  ): { items: string[]; total: number } {
    return this.#page(path, offset, limit, selector, (table, i) =>
      this.#json(table, i),
    );
  }

  /** One page of a table, each item rendered as objects or as JSON text. */
  #page<T>(
    path: ResourcePath,
    offset: number,
    limit: number,
    selector: readonly LabelRequirement[] | undefined,
    render: (table: KindTable, index: number) => T,
  ): { items: T[]; total: number } {
    const table = this.#tables.get(keyOf(path));
    if (!table) return { items: [], total: 0 };
    const indices = this.#indices(
      table,
      path.namespace,
      selector,
      offset,
      limit,
    );
    return {
      items: indices.page.map(i => render(table, i)),
      total: indices.total,
    };
  }

  eventsSince(
    path: ResourcePath,
    resourceVersion: string,
  ): WatchEvent[] | 'gone' {
    const since = Number(resourceVersion);
    if (!Number.isFinite(since) || since < BASE_VERSION) return 'gone';
    const resource = keyOf(path);
    return this.#log
      .filter(
        e =>
          e.version > since &&
          e.resource === resource &&
          (path.namespace === undefined || path.namespace === e.namespace),
      )
      .map(e => e.event);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Velero's newest PodVolumeBackup of a PVC fails (as a node agent would
   * report it), and its Backup ends PartiallyFailed, as Velero's backup
   * controller records it: two MODIFIED events, in that order. Returns the
   * PodVolumeBackup, or undefined when the PVC is not backed up.
   */
  failVolumeBackup(pvc: number): StoredObject | undefined {
    const day = this.layout.size.days - 1;
    const index = this.layout.volumeBackupIndex(day, pvc);
    if (index < 0) return undefined;
    const failedAt = rfc3339(Date.now());
    const volumeBackup = this.modify('podvolumebackups', index, object => {
      const status = object.status as Record<string, unknown>;
      status.phase = 'Failed';
      status.message =
        'data path backup failed: error running kopia snapshot: unexpected EOF';
      status.completionTimestamp = failedAt;
      delete status.snapshotID;
    });
    const schedule = this.layout.scheduleOfNamespace(
      this.layout.namespaceOfService(this.layout.serviceOf(pvc)),
    );
    this.modify('backups', day * this.layout.size.schedules + schedule, b => {
      const status = b.status as Record<string, unknown>;
      status.phase = 'PartiallyFailed';
      status.errors = Number(status.errors ?? 0) + 1;
      status.completionTimestamp = failedAt;
    });
    return volumeBackup;
  }

  /** Changes object `index` of a resource and emits MODIFIED. */
  modify(
    resource: string,
    index: number,
    change: (object: StoredObject) => void,
  ): StoredObject {
    const table = [...this.#tables.values()].find(
      t => t.path.resource === resource,
    );
    if (!table || index < 0 || index >= table.count) {
      throw new Error(`no ${resource} #${index} in ${this.layout.name}`);
    }
    const object = structuredClone(this.#object(table, index));
    change(object);
    const version = ++this.#version;
    object.metadata.resourceVersion = String(version);
    let overrides = this.#overrides.get(resource);
    if (!overrides) this.#overrides.set(resource, (overrides = new Map()));
    overrides.set(index, object);
    const event: WatchEvent = { type: 'MODIFIED', object };
    const namespace = object.metadata.namespace;
    this.#log.push({ version, resource: keyOf(table.path), namespace, event });
    for (const listener of this.#listeners)
      listener({ ...table.path, namespace }, event);
    return object;
  }

  #object(table: KindTable, index: number): StoredObject {
    return (
      this.#overrides.get(table.path.resource)?.get(index) ??
      table.object(index)
    );
  }

  #json(table: KindTable, index: number): string {
    const override = this.#overrides.get(table.path.resource)?.get(index);
    if (override) return JSON.stringify(override);
    return table.json ? table.json(index) : JSON.stringify(table.object(index));
  }

  /** The indices of one page of a list, and how many objects the list has. */
  #indices(
    table: KindTable,
    namespace: string | undefined,
    selector: readonly LabelRequirement[] | undefined,
    offset: number,
    limit: number,
  ): { page: number[]; total: number } {
    if (namespace === undefined && !selector?.length) {
      const end = Math.min(table.count, offset + limit);
      const page: number[] = [];
      for (let i = offset; i < end; i++) page.push(i);
      return { page, total: table.count };
    }
    const matching = this.#select(table, namespace, selector ?? []);
    return {
      page: matching.slice(offset, offset + limit),
      total: matching.length,
    };
  }

  /**
   * Indices of the objects in a namespace whose labels satisfy the selector,
   * ascending. An indexed label narrows the candidates first; every candidate
   * is then checked against the whole selector.
   */
  #select(
    table: KindTable,
    namespace: string | undefined,
    selector: readonly LabelRequirement[],
  ): number[] {
    const [first, end] =
      namespace === undefined
        ? [0, table.count]
        : table.namespaceRange(namespace);
    let candidates: number[] | undefined;
    for (const requirement of selector) {
      if (requirement.operator !== 'in' || !table.withLabel) continue;
      candidates = table.withLabel(requirement.key, requirement.values);
      if (candidates) break;
    }
    const out: number[] = [];
    const consider = (i: number) => {
      if (i < first || i >= end) return;
      if (
        selector.length === 0 ||
        matchesLabels(labelsOf(this.#object(table, i)), selector)
      ) {
        out.push(i);
      }
    };
    if (candidates) candidates.forEach(consider);
    else for (let i = first; i < end; i++) consider(i);
    return out;
  }
}
