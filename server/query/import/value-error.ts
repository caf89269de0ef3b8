import 'server-only';
/**
 * The one error the import's value parsers throw: its message is the reason a user reads beside
 * the line and column the loader names ("'12abc' is not an int"). Pure.
 */

export class ImportValueError extends Error {}

/** A value as a message shows it: in single quotes, long ones cut, so one bad cell cannot flood the page. */
export function shown(text: string): string {
  const cut = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `'${cut}'`;
}

export function fail(reason: string): never {
  throw new ImportValueError(reason);
}
