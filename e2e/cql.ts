/**
 * Statements run straight against the demo cluster, for a spec's set-up and its checks of what the
 * console did: a short-lived driver client, closed when the statements are done.
 */
import cassandra from 'cassandra-driver';

/** A statement, or a statement with values for its ? markers (run prepared). */
export type Statement = string | { query: string; params: unknown[] };

/** Runs the statements in order and returns the rows of the last one. */
export async function cql(statements: Statement[]): Promise<cassandra.types.Row[]> {
  const client = new cassandra.Client({ contactPoints: ['127.0.0.1'], localDataCenter: 'dc1' });
  try {
    let rows: cassandra.types.Row[] = [];
    for (const statement of statements) {
      const result =
        typeof statement === 'string'
          ? await client.execute(statement)
          : await client.execute(statement.query, statement.params, { prepare: true });
      rows = result.rows ?? [];
    }
    return rows;
  } finally {
    await client.shutdown();
  }
}
