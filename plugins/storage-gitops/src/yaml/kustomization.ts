import type { Document } from 'yaml';
import {
  addListItemOnce,
  ensureSequence,
  removeListItems,
  YamlShapeError,
} from './collections';

/** `./a/b/` and `a/b` name the same kustomization entry. */
export function normalizeKustomizationEntry(entry: string): string {
  return entry.replace(/^\.\//, '').replace(/\/+$/, '');
}

/**
 * Lists `entry` under the kustomization's `resources:` unless it is already
 * there (ignoring a leading `./` and trailing `/`). Returns true when added.
 */
export function ensureKustomizationResource(
  doc: Document,
  entry: string,
): boolean {
  const wanted = normalizeKustomizationEntry(entry);
  return addListItemOnce(
    doc,
    ['resources'],
    entry,
    item =>
      typeof item === 'string' && normalizeKustomizationEntry(item) === wanted,
  );
}

/**
 * Removes `entry` from the kustomization's `resources:` (ignoring a leading
 * `./` and trailing `/`), keeping the other entries and comments. Returns
 * true when it was listed.
 */
export function removeKustomizationResource(
  doc: Document,
  entry: string,
): boolean {
  const unwanted = normalizeKustomizationEntry(entry);
  return (
    removeListItems(
      doc,
      ['resources'],
      item =>
        typeof item === 'string' &&
        normalizeKustomizationEntry(item) === unwanted,
    ) > 0
  );
}

/** A `patches:` entry of a kustomization. */
export interface KustomizationPatch {
  path: string;
  target?: Record<string, string>;
}

/** Adds a `patches:` entry for `patch.path` unless one already names that file. */
export function ensureKustomizationPatch(
  doc: Document,
  patch: KustomizationPatch,
): boolean {
  const wanted = normalizeKustomizationEntry(patch.path);
  return addListItemOnce(
    doc,
    ['patches'],
    patch.target
      ? { path: patch.path, target: patch.target }
      : { path: patch.path },
    item =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as { path?: unknown }).path === 'string' &&
      normalizeKustomizationEntry((item as { path: string }).path) === wanted,
  );
}

/**
 * Removes the `patches:` entries that name `path`, and the key when none is
 * left. Returns true when one was there.
 */
export function removeKustomizationPatch(doc: Document, path: string): boolean {
  const unwanted = normalizeKustomizationEntry(path);
  const removed = removeListItems(
    doc,
    ['patches'],
    item =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as { path?: unknown }).path === 'string' &&
      normalizeKustomizationEntry((item as { path: string }).path) === unwanted,
  );
  if (removed > 0 && ensureSequence(doc, ['patches']).items.length === 0)
    doc.delete('patches');
  return removed > 0;
}

/** The `resources:` entries of a kustomization, normalised. */
export function kustomizationResources(doc: Document): string[] {
  const seq = ensureSequenceOrEmpty(doc);
  return seq.map(normalizeKustomizationEntry);
}

function ensureSequenceOrEmpty(doc: Document): string[] {
  if (!doc.has('resources')) return [];
  try {
    const items = ensureSequence(doc, ['resources']).toJSON() as unknown[];
    return items.filter((item): item is string => typeof item === 'string');
  } catch (error) {
    if (error instanceof YamlShapeError) return [];
    throw error;
  }
}
