/**
 * The storage backend plugin: a watch-fed, projected view of the storage of
 * every configured cluster, served per catalog entity and as a fleet report.
 *
 * @packageDocumentation
 */

export { storagePlugin as default } from './plugin';
