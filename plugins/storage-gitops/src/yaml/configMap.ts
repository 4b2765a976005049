import type { Document } from 'yaml';
import { setValueAt, valueAt, YamlShapeError } from './collections';

/**
 * Sets `data.<key>` of a ConfigMap document, keeping every other key, its
 * order and comments. Returns true when the value changed.
 */
export function setConfigMapData(
  doc: Document,
  key: string,
  value: string,
): boolean {
  if (valueAt(doc, ['kind']) !== 'ConfigMap') {
    throw new YamlShapeError('the document is not a ConfigMap');
  }
  return setValueAt(doc, ['data', key], value);
}

/** `data.<key>` of a ConfigMap document, or undefined. */
export function configMapData(doc: Document, key: string): string | undefined {
  const value = valueAt(doc, ['data', key]);
  return typeof value === 'string' ? value : undefined;
}
