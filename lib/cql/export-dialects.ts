/**
 * The export's dialects, named once for the server's request schema and the workbench's picker (no
 * driver import, so the browser can list them). What each carries exactly is in docs/export.md.
 */
export const EXPORT_DIALECTS = ['rfc4180', 'cqlsh', 'jsonl', 'json'] as const;

export type ExportDialect = (typeof EXPORT_DIALECTS)[number];

export const EXPORT_DIALECT_LABELS: Record<ExportDialect, string> = {
  rfc4180: 'CSV (RFC 4180)',
  cqlsh: 'CSV for cqlsh COPY FROM',
  jsonl: 'JSON lines',
  json: 'JSON array',
};

/** The null marker a dialect writes unless told otherwise: cqlsh's own default ('') cannot keep '' apart from null. */
export const DEFAULT_NULL_MARKER: Record<ExportDialect, string> = {
  rfc4180: '',
  cqlsh: 'null',
  jsonl: '',
  json: '',
};

export const EXPORT_EXTENSION: Record<ExportDialect, string> = {
  rfc4180: 'csv',
  cqlsh: 'csv',
  jsonl: 'jsonl',
  json: 'json',
};
