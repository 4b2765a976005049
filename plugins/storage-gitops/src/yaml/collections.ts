import { isDeepStrictEqual } from 'node:util';
import {
  type Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  YAMLMap,
  YAMLSeq,
} from 'yaml';

/** A path of map keys and sequence indexes inside a YAML document. */
export type YamlPath = ReadonlyArray<string | number>;

/** Thrown when a document does not have the shape an edit needs. */
export class YamlShapeError extends Error {}

function describe(path: YamlPath): string {
  return path.length === 0 ? '(document)' : path.join('.');
}

/**
 * Makes every map above `path` exist (block maps), replacing null values,
 * so `doc.setIn(path, …)` has a collection to set into.
 */
function ensureParentMaps(doc: Document, path: YamlPath): void {
  for (let i = 1; i < path.length; i++) {
    const prefix = path.slice(0, i);
    const parent = doc.getIn(prefix, true);
    if (
      parent === undefined ||
      parent === null ||
      (isScalar(parent) && parent.value === null)
    ) {
      doc.setIn(prefix, new YAMLMap());
    } else if (!isMap(parent) && !isSeq(parent)) {
      throw new YamlShapeError(`'${describe(prefix)}' is not a map`);
    }
  }
}

/**
 * The sequence at `path`, created (empty, block style) when the key is
 * absent or null. Throws YamlShapeError when something else is there.
 */
export function ensureSequence(doc: Document, path: YamlPath): YAMLSeq {
  const node = doc.getIn(path, true);
  if (isSeq(node)) {
    // An empty flow list (`resources: []`) becomes a block list when it grows.
    if (node.flow && node.items.length === 0) node.flow = false;
    return node;
  }
  if (
    node === undefined ||
    node === null ||
    (isScalar(node) && node.value === null)
  ) {
    const seq = new YAMLSeq();
    ensureParentMaps(doc, path);
    doc.setIn(path, seq);
    return seq;
  }
  throw new YamlShapeError(`'${describe(path)}' is not a list`);
}

/**
 * Adds `value` to the sequence at `path` unless an item already matches
 * (deep equality by default). Returns true when it added the item.
 */
export function addListItemOnce(
  doc: Document,
  path: YamlPath,
  value: unknown,
  matches: (item: unknown) => boolean = item => isDeepStrictEqual(item, value),
): boolean {
  const seq = ensureSequence(doc, path);
  const items = (seq.toJSON() ?? []) as unknown[];
  if (items.some(matches)) return false;
  seq.add(doc.createNode(value));
  return true;
}

/**
 * Sets the value at `path` (creating parent maps) unless it is already
 * deep-equal. Returns true when it changed the document.
 */
/**
 * Removes every item of the sequence at `path` that `matches`, keeping the
 * other items and their comments. Returns how many were removed; a missing
 * sequence removes nothing.
 */
export function removeListItems(
  doc: Document,
  path: YamlPath,
  matches: (item: unknown) => boolean,
): number {
  if (!doc.hasIn(path)) return 0;
  const seq = ensureSequence(doc, path);
  const before = seq.items.length;
  seq.items = seq.items.filter(
    item => !matches(isNode(item) ? item.toJSON() : item),
  );
  return before - seq.items.length;
}

export function setValueAt(
  doc: Document,
  path: YamlPath,
  value: unknown,
): boolean {
  const current = doc.getIn(path, true);
  const currentValue =
    current && typeof current === 'object' && 'toJSON' in current
      ? (current as { toJSON(): unknown }).toJSON()
      : current;
  if (isDeepStrictEqual(currentValue, value)) return false;
  ensureParentMaps(doc, path);
  doc.setIn(path, doc.createNode(value));
  return true;
}

/** The plain value at `path`, or undefined. */
export function valueAt(doc: Document, path: YamlPath): unknown {
  const node = doc.getIn(path, true);
  if (node && typeof node === 'object' && 'toJSON' in node) {
    return (node as { toJSON(): unknown }).toJSON();
  }
  return node;
}
