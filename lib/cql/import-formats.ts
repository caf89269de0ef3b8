/**
 * The file formats an import reads: the export's CSV dialects and JSON lines, so that an exported
 * file loads back as it left (docs/export.md). No driver import: the workbench's picker lists them.
 */
export const IMPORT_FORMATS = ['rfc4180', 'cqlsh', 'jsonl'] as const;

export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  rfc4180: 'CSV (RFC 4180)',
  cqlsh: 'CSV as cqlsh COPY TO writes it',
  jsonl: 'JSON lines',
};

/** The null marker each format reads unless told otherwise: the export's own defaults. */
export const IMPORT_NULL_MARKER: Record<ImportFormat, string> = {
  rfc4180: '',
  cqlsh: 'null',
  jsonl: '',
};

/** The format a file's name suggests, for the picker's first guess. */
export function formatOfFileName(name: string): ImportFormat {
  return /\.jsonl?$/i.test(name) ? 'jsonl' : 'rfc4180';
}
