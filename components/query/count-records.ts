/**
 * Counts the records in a streamed CSV or line-per-row JSON export as chunks arrive, for the progress
 * shown while exporting. CSV fields may hold line breaks inside quotes, so quotes are tracked across
 * chunk boundaries. Pure.
 */
export interface RecordCounter {
  /** Feeds a chunk; returns the records completed so far (the CSV header and JSON brackets excluded). */
  feed(chunk: string): number;
}

export function recordCounter(format: 'csv' | 'json'): RecordCounter {
  return format === 'csv' ? csvCounter() : jsonCounter();
}

function csvCounter(): RecordCounter {
  let inQuotes = false;
  let lines = 0;
  return {
    feed(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (c === 34) inQuotes = !inQuotes;
        else if (c === 10 && !inQuotes) lines++;
      }
      // The first line is the header.
      return Math.max(0, lines - 1);
    },
  };
}

/** JSON strings never hold a raw line break, so a row is a line that starts with `{` or `,{`. */
function jsonCounter(): RecordCounter {
  let rows = 0;
  let atLineStart = true;
  let rowLine = false;
  return {
    feed(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i];
        if (atLineStart) rowLine = c === '{' || c === ',';
        atLineStart = c === '\n';
        if (atLineStart && rowLine) rows++;
      }
      return rows;
    },
  };
}
