import type {
  CoverageQuery,
  CoverageRow,
} from '@gitops-storage/plugin-storage-common';
import type { StorageApi } from '../api';

/** Rows fetched per request when exporting. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Every row that matches the filters, fetched page by page (the backend
 * pages its answers). Stops when the reported total is reached or a page
 * comes back empty, so a total that shrinks meanwhile cannot loop forever.
 */
export async function fetchAllRows(
  api: Pick<StorageApi, 'getCoverage'>,
  filters: Omit<CoverageQuery, 'offset' | 'limit'>,
  options: {
    pageSize?: number;
    onProgress?: (fetched: number, total: number) => void;
  } = {},
): Promise<CoverageRow[]> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const rows: CoverageRow[] = [];
  for (;;) {
    const page = await api.getCoverage({
      ...filters,
      offset: rows.length,
      limit: pageSize,
    });
    rows.push(...page.rows);
    options.onProgress?.(rows.length, page.totalRows);
    if (page.rows.length === 0 || rows.length >= page.totalRows) {
      return rows;
    }
  }
}
