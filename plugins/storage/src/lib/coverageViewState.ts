import type { CoverageQuery } from '@gitops-storage/plugin-storage-common';
import {
  coverageQueryFromSearchParams,
  coverageQueryToSearchParams,
} from '../api/coverageQuery';
import { isGroupBy, type GroupBy } from './grouping';

/** The filters of the coverage page: a coverage query without paging. */
export type CoverageFilters = Omit<CoverageQuery, 'offset' | 'limit'>;

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;
export const DEFAULT_GROUP_BY: GroupBy = 'owner';

/** What the coverage page shows, as kept in its URL's query string. */
export interface CoverageViewState {
  filters: CoverageFilters;
  groupBy: GroupBy;
  /** Zero-based page index (the URL shows it one-based). */
  page: number;
  pageSize: number;
}

/** Reads the page's state from its query string, with defaults for the rest. */
export function readViewState(params: URLSearchParams): CoverageViewState {
  const filters: CoverageFilters = coverageQueryFromSearchParams(params);
  delete (filters as CoverageQuery).offset;
  delete (filters as CoverageQuery).limit;
  const group = params.get('group');
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    filters,
    groupBy: isGroupBy(group) ? group : DEFAULT_GROUP_BY,
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize)
      ? pageSize
      : DEFAULT_PAGE_SIZE,
  };
}

/** The query string for a state; defaults are left out to keep URLs short. */
export function writeViewState(state: CoverageViewState): URLSearchParams {
  const params = coverageQueryToSearchParams(state.filters);
  if (state.groupBy !== DEFAULT_GROUP_BY) params.set('group', state.groupBy);
  if (state.page > 0) params.set('page', String(state.page + 1));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) {
    params.set('pageSize', String(state.pageSize));
  }
  return params;
}

/** The backend query for the page being shown. */
export function queryForPage(state: CoverageViewState): CoverageQuery {
  return {
    ...state.filters,
    offset: state.page * state.pageSize,
    limit: state.pageSize,
  };
}

export function hasFilters(filters: CoverageFilters): boolean {
  return Object.values(filters).some(v =>
    Array.isArray(v) ? v.length > 0 : Boolean(v),
  );
}
