import { errors, types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { describeStatementError, syntaxPosition } from './statement-error';

describe('statement errors', () => {
  it('turns line L:C (0-based column) into a position and an offset in the statement', () => {
    expect(syntaxPosition('SELECT *\nFORM t', "line 2:0 mismatched input 'FORM' expecting K_FROM")).toEqual({
      line: 2,
      column: 1,
      offset: 9,
    });
    expect(syntaxPosition('SELECT', 'no position here')).toBeNull();
  });

  it('classifies a syntax error with its position and a hint', () => {
    // Message as Cassandra 5.0.9 sent it for this statement (seen in the workbench integration test).
    const error = new errors.ResponseError(
      types.responseErrorCodes.syntaxError,
      "line 1:9 mismatched input 'FORM' expecting K_FROM (SELECT * [FORM]...)",
    );
    const described = describeStatementError(error, 'SELECT * FORM items', 1000);
    expect(described).toMatchObject({ kind: 'syntax', code: 0x2000, position: { line: 1, column: 10, offset: 9 } });
  });

  it('names the request timeout when the driver gave up waiting', () => {
    const described = describeStatementError(
      new errors.OperationTimedOutError(
        'The host 127.0.0.1:9042 did not reply before timeout 500 ms',
        '127.0.0.1:9042',
      ),
      'SELECT 1',
      500,
    );
    expect(described.kind).toBe('client-timeout');
    expect(described.message).toMatch(/500 ms request timeout/);
  });

  it('unwraps a NoHostAvailable whose every host answered with the same Cassandra error', () => {
    const inner = new errors.ResponseError(types.responseErrorCodes.invalid, 'Keyspace nope does not exist');
    const error = new errors.NoHostAvailableError({ '127.0.0.1:9042': inner, '127.0.0.2:9042': inner });
    expect(describeStatementError(error, 'SELECT * FROM nope.t', 1000)).toMatchObject({
      kind: 'invalid',
      message: 'Keyspace nope does not exist',
    });
  });
});
