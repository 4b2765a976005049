/**
 * Storage tier and backup health for catalog entities, a backup coverage page
 * and a tier picker for templates.
 *
 * @packageDocumentation
 */

export {
  storagePlugin,
  EntityStorageCard,
  EntityStorageContent,
  StorageCoveragePage,
  StorageTierPickerFieldExtension,
} from './plugin';
export { isStorageAvailable } from './annotations';
export { storageApiRef, StorageClient, type StorageApi } from './api';
export type { TierPickerUiOptions } from './components/TierPicker';
