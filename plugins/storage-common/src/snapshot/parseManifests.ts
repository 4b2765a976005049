import { parseAllDocuments } from 'yaml';
import { isRecord, stringAt } from '../kube/objects';

/** A snapshot file or object that cannot be read. @public */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** One Kubernetes object from a snapshot file. @public */
export interface SnapshotDocument {
  /** The file it came from, as given to the parser. */
  file: string;
  /** 1-based position of the YAML document (or JSON value) in the file. */
  document: number;
  /** 0-based position in the document's `items` when it came from a list. */
  item?: number;
  object: Record<string, unknown>;
}

/** `file: document N[, item M]`, for messages. */
export function describeLocation(
  doc: Pick<SnapshotDocument, 'file' | 'document' | 'item'>,
): string {
  return `${doc.file}: document ${doc.document}${
    doc.item !== undefined ? `, item ${doc.item}` : ''
  }`;
}

function expand(
  value: unknown,
  file: string,
  document: number,
): SnapshotDocument[] {
  if (value === null || value === undefined) return [];
  if (!isRecord(value)) {
    throw new SnapshotError(
      `${file}: document ${document}: expected a Kubernetes object, found ${
        Array.isArray(value) ? 'a list' : typeof value
      }`,
    );
  }
  const kind = stringAt(value, 'kind') ?? '';
  if (!kind.endsWith('List') || !Array.isArray(value.items)) {
    return [{ file, document, object: value }];
  }
  // `kind: List` (kubectl) items carry their own kind; typed lists such as
  // PodList (the API) do not, so they inherit it from the list.
  const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
  const apiVersion = stringAt(value, 'apiVersion');
  return value.items.map((item, i) => {
    if (!isRecord(item)) {
      throw new SnapshotError(
        `${file}: document ${document}, item ${i}: expected a Kubernetes object`,
      );
    }
    const object =
      itemKind && item.kind === undefined
        ? { apiVersion, kind: itemKind, ...item }
        : item;
    return { file, document, item: i, object };
  });
}

/**
 * The Kubernetes objects in a file's text: multi-document YAML, JSON, single
 * objects or lists (`kind: List`, `PodList`, …), as `kubectl get -o yaml|json`
 * prints them. Throws a SnapshotError naming the file and document when the
 * text cannot be parsed.
 * @public
 */
export function parseManifests(text: string, file: string): SnapshotDocument[] {
  if (/\.json$/i.test(file)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new SnapshotError(
        `${file}: document 1: invalid JSON: ${(error as Error).message}`,
      );
    }
    return expand(value, file, 1);
  }
  const documents = parseAllDocuments(text, { prettyErrors: true });
  const list = Array.isArray(documents) ? documents : [documents];
  const out: SnapshotDocument[] = [];
  list.forEach((doc, i) => {
    const number = i + 1;
    const error = doc.errors[0];
    if (error) {
      throw new SnapshotError(
        `${file}: document ${number}: invalid YAML: ${
          error.message.split('\n')[0]
        }`,
      );
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      throw new SnapshotError(
        `${file}: document ${number}: ${(e as Error).message}`,
      );
    }
    // Pushed one by one: a spread of a 150,000-item list overflows the stack.
    for (const d of expand(value, file, number)) out.push(d);
  });
  return out;
}
