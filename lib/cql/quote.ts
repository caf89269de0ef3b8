/**
 * CQL identifier quoting, as cqlsh does it (`maybe_escape_name`): a name Cassandra would read back
 * unchanged when unquoted stays bare, anything else is double-quoted with `"` doubled. Pure; shared
 * by the server (statements it builds) and the browser (completions it inserts).
 */

/**
 * Cassandra's reserved keywords (ReservedKeywords.java, as cqlsh's cqlhandling.py lists them for
 * Cassandra 5): unquoted, these are syntax, not names — a table named "select" must stay quoted.
 */
const RESERVED = new Set([
  'add',
  'allow',
  'alter',
  'and',
  'apply',
  'asc',
  'authorize',
  'batch',
  'begin',
  'by',
  'columnfamily',
  'create',
  'delete',
  'desc',
  'describe',
  'drop',
  'entries',
  'execute',
  'from',
  'full',
  'grant',
  'if',
  'in',
  'index',
  'infinity',
  'insert',
  'into',
  'is',
  'keyspace',
  'limit',
  'materialized',
  'modify',
  'nan',
  'norecursive',
  'not',
  'null',
  'of',
  'on',
  'or',
  'order',
  'primary',
  'rename',
  'revoke',
  'schema',
  'select',
  'set',
  'table',
  'to',
  'token',
  'truncate',
  'unlogged',
  'update',
  'use',
  'using',
  'view',
  'where',
  'with',
]);

/** An unquoted identifier starts with a letter; Cassandra folds it to lower case, so only lower case survives bare. */
const BARE = /^[a-z][a-z0-9_]*$/;

/** The identifier as it must appear in a statement: bare when that reads back as the same name, else quoted. */
export function quote(identifier: string): string {
  return BARE.test(identifier) && !RESERVED.has(identifier) ? identifier : `"${identifier.replaceAll('"', '""')}"`;
}

/** `keyspace.table`, each part quoted as it needs. */
export function qualified(keyspace: string, name: string): string {
  return `${quote(keyspace)}.${quote(name)}`;
}
