export {
  CoverageTrend,
  trendFiltersOf,
  type TrendFilters,
} from './CoverageTrend';
export { DemoDataLabel } from './DemoDataLabel';
