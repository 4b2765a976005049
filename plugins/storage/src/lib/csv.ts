// The export's columns and quoting live in storage-common, so that the
// backend's streamed export and any client-side CSV are the same file.
export {
  CSV_COLUMNS,
  csvField,
  toCsv,
} from '@gitops-storage/plugin-storage-common';
