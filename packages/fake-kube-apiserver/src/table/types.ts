/** meta.k8s.io/v1 TableColumnDefinition, as kube-apiserver sends it. */
export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  priority: number;
}

/** A cell: what kubectl prints (`null` prints as `<none>`). */
export type TableCell = string | number | boolean | null;

/** How one kind becomes table rows: its columns and each object's cells. */
export interface TablePrinter {
  columns: TableColumn[];
  cells(object: KubeObject, now: number): TableCell[];
}

/** The loosely typed object the store serves. */
export type KubeObject = {
  metadata?: {
    name?: string;
    namespace?: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
};

export function column(
  name: string,
  description: string,
  options: Partial<Pick<TableColumn, 'type' | 'format' | 'priority'>> = {},
): TableColumn {
  return {
    name,
    type: options.type ?? 'string',
    format: options.format ?? '',
    description,
    priority: options.priority ?? 0,
  };
}

export const NAME_COLUMN = column(
  'Name',
  'Name must be unique within a namespace.',
  { format: 'name' },
);
