/**
 * Node-only helpers of the storage plugins: reading snapshot directories from
 * disk. Import from `@gitops-storage/plugin-storage-common/node`; the main
 * entry point stays free of Node built-ins so the frontend can use it.
 *
 * @packageDocumentation
 */

export {
  loadSnapshotDirectory,
  readSnapshotDocuments,
  readSnapshotObjects,
  type LoadedSnapshot,
} from './loadSnapshotDirectory';
