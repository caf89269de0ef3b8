/**
 * One RFC 4180 CSV line: fields with a comma, quote or line break are quoted, quotes doubled. Null is
 * an empty field and an empty string is "", so the two stay apart (as COPY FROM reads them). Pure.
 */
export function csvLine(fields: (string | null)[]): string {
  return fields
    .map((f) => (f === null ? '' : f === '' ? '""' : /[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f))
    .join(',');
}
