import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  readViewState,
  writeViewState,
  type CoverageViewState,
} from '../../lib/coverageViewState';

/**
 * The coverage page's filters, grouping and paging, kept in the URL so that
 * a filtered view can be shared and the back button works. Changing filters
 * or the page size goes back to the first page.
 */
export function useCoverageViewState(): [
  CoverageViewState,
  (change: Partial<CoverageViewState>) => void,
] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readViewState(params), [params]);
  const update = useCallback(
    (change: Partial<CoverageViewState>) => {
      const next: CoverageViewState = { ...state, ...change };
      if ((change.filters || change.pageSize) && change.page === undefined) {
        next.page = 0;
      }
      setParams(writeViewState(next));
    },
    [state, setParams],
  );
  return [state, update];
}
