import { BUILTIN_PRINTERS } from './builtinPrinters';
import { crdPrinter, VELERO_PRINTER_COLUMNS } from './crdPrinters';
import type { KubeObject, TablePrinter } from './types';

/**
 * Server-side printing (`Accept: application/json;as=Table;g=meta.k8s.io;
 * v=v1`), which `kubectl get` asks for: the API server, not kubectl, knows
 * a kind's columns.
 */

/** Whether the Accept header asks for a meta.k8s.io Table. */
export function wantsTable(accept: string): boolean {
  return accept
    .split(',')
    .some(
      part =>
        /;\s*as=Table(;|$)/.test(part) &&
        /;\s*g=meta\.k8s\.io(;|$)/.test(part) &&
        /;\s*v=v1(beta1)?(;|$)/.test(part),
    );
}

/** The printer of a plural resource; undefined for kinds it does not know. */
export function printerFor(resource: string): TablePrinter | undefined {
  if (BUILTIN_PRINTERS[resource]) return BUILTIN_PRINTERS[resource];
  const columns = VELERO_PRINTER_COLUMNS[resource];
  return columns ? crdPrinter(columns) : undefined;
}

/** `includeObject`: what each row carries besides its cells. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function includeObjectOf(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

function rowObject(object: KubeObject, include: IncludeObject) {
  if (include === 'Object') return object;
  if (include === 'None') return undefined;
  // kubectl reads the namespace (-A) and labels (-L) from here.
  return {
    kind: 'PartialObjectMetadata',
    apiVersion: 'meta.k8s.io/v1',
    metadata: object.metadata ?? {},
  };
}

/** A meta.k8s.io/v1 Table of objects, with the list's metadata. */
export function toTable(
  printer: TablePrinter,
  objects: readonly KubeObject[],
  options: {
    metadata?: Record<string, unknown>;
    includeObject?: IncludeObject;
    now?: number;
  } = {},
) {
  const now = options.now ?? Date.now();
  const include = options.includeObject ?? 'Metadata';
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: options.metadata ?? {},
    columnDefinitions: printer.columns,
    rows: objects.map(object => {
      const row = rowObject(object, include);
      return {
        cells: printer.cells(object, now),
        ...(row ? { object: row } : {}),
      };
    }),
  };
}
