export interface Config {
  /** Configuration of the storage plugin. */
  storage?: {};
}
