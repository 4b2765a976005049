export { storageApiRef, type StorageApi } from './StorageApi';
export { StorageClient } from './StorageClient';
export {
  coverageQueryFromSearchParams,
  coverageQueryToSearchParams,
} from './coverageQuery';
