// CSV / Parquet import facade (ingest/csv/README.md): preview a table with a column mapping, then
// import it into a case-centric log of kind 'csv'. CSV or Parquet is chosen by the file extension.
export { previewTable, PREVIEW_ROWS } from './preview';
export { importTable } from './import';
export { sniffDelimiter, formatOf, MAX_LINE_BYTES } from './read';
export {
  TIMESTAMP_FORMATS,
  TIMESTAMP_FORMAT_LABELS,
  DELIMITERS,
  type ColumnMapping,
  type PartialMapping,
  type Preview,
  type PreviewRow,
  type Problem,
  type TableFormat,
  type ImportOptions,
  type NamedTimestampFormat,
} from './types';
