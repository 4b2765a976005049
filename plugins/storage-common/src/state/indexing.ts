/** `namespace/name`: how the stores key a namespaced object. */
export function objectKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** Adds a value to a set-valued index. */
export function addToIndex<K, V>(
  index: Map<K, Set<V>>,
  key: K,
  value: V,
): void {
  let set = index.get(key);
  if (!set) {
    set = new Set();
    index.set(key, set);
  }
  set.add(value);
}

/** Removes a value from a set-valued index, and the key once its set is empty. */
export function removeFromIndex<K, V>(
  index: Map<K, Set<V>>,
  key: K,
  value: V,
): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) index.delete(key);
}
