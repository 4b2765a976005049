import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  Node,
  parseDocument,
  YAMLMap,
} from 'yaml';
import { joinPath } from './structuralSchema';

/**
 * Checks that every key a values file sets is a key of the chart's own
 * values.yaml, either set there or documented as a commented-out key
 * (`# provisionerName:`) in the same map. Below a default that is an empty
 * map or list, or null, values are free-form (the chart passes them through).
 */
const COMMENTED_KEY = /^\s*([A-Za-z_][A-Za-z0-9_.-]*):(\s|$)/;

function commentedKeys(map: YAMLMap): Set<string> {
  const texts: string[] = [];
  const add = (t?: string | null) => t && texts.push(t);
  add(map.commentBefore);
  add(map.comment);
  for (const item of map.items) {
    if (!isPair(item)) continue;
    add((item.key as Node | null)?.commentBefore);
    add((item.key as Node | null)?.comment);
    add((item.value as Node | null)?.commentBefore);
    add((item.value as Node | null)?.comment);
  }
  const keys = new Set<string>();
  for (const text of texts)
    for (const line of text.split('\n')) {
      const match = COMMENTED_KEY.exec(line);
      if (match) keys.add(match[1]);
    }
  return keys;
}

function keyOf(node: unknown): string {
  return isScalar(node) ? String(node.value) : String(node);
}

function check(
  defaults: unknown,
  value: unknown,
  path: string,
  problems: string[],
) {
  if (value === null || typeof value !== 'object') return;
  if (isSeq(defaults)) {
    if (!Array.isArray(value) || defaults.items.length === 0) return;
    // Entries are checked against the chart's example entry (the union of its entries' keys).
    const merged = new YAMLMap();
    for (const item of defaults.items)
      if (isMap(item)) merged.items.push(...item.items);
    if (merged.items.length === 0) return;
    value.forEach((entry, i) =>
      check(merged, entry, joinPath(path, i), problems),
    );
    return;
  }
  if (!isMap(defaults) || defaults.items.length === 0 || Array.isArray(value))
    return;
  const byKey = new Map<string, unknown>();
  for (const item of defaults.items) byKey.set(keyOf(item.key), item.value);
  const documented = commentedKeys(defaults);
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = joinPath(path, key);
    if (byKey.has(key)) check(byKey.get(key), child, childPath, problems);
    else if (!documented.has(key))
      problems.push(
        `${childPath}: not a value of the chart (absent from its values.yaml)`,
      );
  }
}

/** Keys of `values` that the chart's values.yaml text neither sets nor documents. */
export function unknownChartValueKeys(
  valuesYaml: string,
  values: unknown,
): string[] {
  const doc = parseDocument(valuesYaml);
  const problems: string[] = [];
  check(doc.contents, values, '', problems);
  return problems;
}
