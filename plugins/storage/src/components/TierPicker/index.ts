export { StorageTierPicker } from './StorageTierPicker';
export {
  validateStorageTier,
  tierProblem,
  type TierPickerUiOptions,
} from './validation';
export { STORAGE_TIER_PICKER, storageTierPickerSchema } from './extension';
