export { EntityHistoryCard } from './EntityHistoryCard';
export { VolumeTimeline } from './VolumeTimeline';
