/** The label Backstage's Kubernetes plugin finds an entity's workloads by. */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';

const NONE: ReadonlySet<string> = new Set();

type Meta = {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
};

function metaOf(object: unknown): Meta {
  return ((object as { metadata?: Meta })?.metadata ?? {}) as Meta;
}

/**
 * Labels of a cluster's pods or claims by `namespace/name`, with an inverted
 * index on `backstage.io/kubernetes-id`, so an entity's objects are found
 * without a scan in the common case. Fed with raw objects as they arrive.
 */
export class LabelIndex {
  #labels = new Map<string, Record<string, string>>();
  #byId = new Map<string, Set<string>>();
  #revision = 0;

  /** Increases with every change (entity ownership follows it). */
  get revision(): number {
    return this.#revision;
  }

  upsert(object: unknown): void {
    const meta = metaOf(object);
    if (!meta.name) return;
    this.set(`${meta.namespace ?? ''}/${meta.name}`, meta.labels ?? {});
  }

  /** Sets the labels of `namespace/name` (already validated, e.g. projected). */
  set(key: string, labels: Record<string, string>): void {
    this.#revision++;
    this.#unindex(key);
    this.#labels.set(key, labels);
    const id = labels[KUBERNETES_ID_LABEL];
    if (id !== undefined) {
      let keys = this.#byId.get(id);
      if (!keys) this.#byId.set(id, (keys = new Set()));
      keys.add(key);
    }
  }

  remove(object: unknown): void {
    const meta = metaOf(object);
    this.delete(`${meta.namespace ?? ''}/${meta.name}`);
  }

  delete(key: string): void {
    this.#revision++;
    this.#unindex(key);
  }

  clear(): void {
    this.#revision++;
    this.#labels.clear();
    this.#byId.clear();
  }

  /** Keys of the objects labelled `backstage.io/kubernetes-id=<id>`. */
  withKubernetesId(id: string): ReadonlySet<string> {
    return this.#byId.get(id) ?? NONE;
  }

  /** Every object's key and labels (for selectors the id index cannot answer). */
  entries(): IterableIterator<[string, Record<string, string>]> {
    return this.#labels.entries();
  }

  #unindex(key: string) {
    const labels = this.#labels.get(key);
    if (!labels) return;
    this.#labels.delete(key);
    const id = labels[KUBERNETES_ID_LABEL];
    if (id === undefined) return;
    const keys = this.#byId.get(id);
    keys?.delete(key);
    if (keys?.size === 0) this.#byId.delete(id);
  }
}
