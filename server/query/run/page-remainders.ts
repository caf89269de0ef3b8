import 'server-only';
/**
 * The rest of a large page, held briefly after its first rows went out. A page of thousands of rows
 * takes a while to serialise, send and parse; sending its head first puts rows on screen as soon as
 * Cassandra answered, and the browser fetches the remainder straight away. Bounded: few entries,
 * each kept for two minutes at most, and handed only to the user whose run made it.
 */
import { randomUUID } from 'node:crypto';
import { InvalidInputError } from '../../cluster/errors';
import { processSingleton } from '../../process-singleton';

/** Rows sent with the answer itself; the rest of the page is fetched with its token. */
export const HEAD_ROWS = 100;
const KEEP_MS = 120_000;
const MAX_ENTRIES = 32;
/** Characters held across all remainders; the oldest go first beyond it. */
const MAX_HELD_CHARS = 40_000_000;

export interface PageRows {
  rows: (string | null)[][];
  json: string[];
}

const remainders = processSingleton(
  'workbench-page-remainders',
  () => new Map<string, { rest: PageRows; expires: number; chars: number; ownerId: string }>(),
);

/** The browser asked for something the console no longer has: a bad request, with what to do. */
export class RemainderExpiredError extends InvalidInputError {
  constructor() {
    super(
      'the rest of this page is no longer held by the console (it keeps it for up to two minutes, less when many large pages are waiting): turn the page again or run the statement again',
    );
  }
}

/** Splits a page into the head to send now and a token for the rest (null when the page is short). */
function charsOf(rows: PageRows): number {
  let chars = 0;
  for (const row of rows.rows) for (const cell of row) chars += cell?.length ?? 0;
  for (const json of rows.json) chars += json.length;
  return chars;
}

export function splitPage(page: PageRows, ownerId: string): { head: PageRows; restToken: string | null } {
  if (page.rows.length <= HEAD_ROWS) return { head: page, restToken: null };
  const now = Date.now();
  for (const [token, entry] of remainders) if (entry.expires < now) remainders.delete(token);
  const rest = { rows: page.rows.slice(HEAD_ROWS), json: page.json.slice(HEAD_ROWS) };
  const chars = charsOf(rest);
  let held = [...remainders.values()].reduce((sum, e) => sum + e.chars, 0);
  // The browser asks for the rest within milliseconds; an entry old enough to be evicted is one nobody fetched.
  while (remainders.size > 0 && (remainders.size >= MAX_ENTRIES || held + chars > MAX_HELD_CHARS)) {
    const oldest = remainders.keys().next().value!;
    held -= remainders.get(oldest)!.chars;
    remainders.delete(oldest);
  }
  const token = randomUUID();
  remainders.set(token, { rest, expires: now + KEEP_MS, chars, ownerId });
  return { head: { rows: page.rows.slice(0, HEAD_ROWS), json: page.json.slice(0, HEAD_ROWS) }, restToken: token };
}

/** The rest of a page, once: a remainder is handed out and forgotten. */
export function takeRemainder(token: string, ownerId: string): PageRows {
  const entry = remainders.get(token);
  // Another user's token is answered as an unknown one: it tells them nothing.
  if (!entry || entry.ownerId !== ownerId) throw new RemainderExpiredError();
  remainders.delete(token);
  if (entry.expires < Date.now()) throw new RemainderExpiredError();
  return entry.rest;
}
