export {
  CoveragePageContent,
  LegacyStorageCoveragePage,
} from './StorageCoveragePage';
export { CoverageView } from './CoverageView';
