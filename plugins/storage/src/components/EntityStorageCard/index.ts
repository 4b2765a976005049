export { EntityStorageCard } from './EntityStorageCard';
