export {
  EntityStorageContent,
  EntityStorageView,
} from './EntityStorageContent';
