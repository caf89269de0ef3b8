import cassandra, { errors, types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { BindValueError } from './bind-values';
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

describe('only a value that cannot be encoded is a bind error', () => {
  // The driver's own encoder, as execute uses it: its TypeError is what a real bind failure looks like.
  const { Encoder } = cassandra as unknown as {
    Encoder: new (protocolVersion: number, options: object) => { encode(value: unknown, type: object): unknown };
  };
  function encoderError(value: unknown, code: number): unknown {
    try {
      new Encoder(types.protocolVersion.v5, {}).encode(value, { code });
    } catch (error) {
      return error;
    }
    throw new Error('the driver encoded it');
  }

  it('calls a BindValueError a bind error', () => {
    expect(describeStatementError(new BindValueError('value 1 (id): expected a string'), 'x', 1000)).toMatchObject({
      kind: 'bind',
      message: 'value 1 (id): expected a string',
    });
  });

  it("calls the driver encoder's TypeError a bind error", () => {
    const error = encoderError('not-a-uuid', types.dataTypes.uuid);
    expect(error).toBeInstanceOf(TypeError);
    expect(describeStatementError(error, 'INSERT …', 1000).kind).toBe('bind');
  });

  it('does not call any other TypeError a bind error: that is the console failing', () => {
    const bug = (() => {
      try {
        (undefined as unknown as { rows: unknown[] }).rows.map(String);
      } catch (error) {
        return error;
      }
    })();
    expect(bug).toBeInstanceOf(TypeError);
    expect(describeStatementError(bug, 'SELECT 1', 1000)).toMatchObject({
      kind: 'internal',
      message: expect.stringContaining('rows'),
    });
    expect(describeStatementError(new TypeError('x is not a function'), 'SELECT 1', 1000).kind).toBe('internal');
  });

  it("does not call the driver's ArgumentError a bind error, nor an unknown failure a server error", () => {
    expect(
      describeStatementError(
        new errors.ArgumentError('Named parameters for simple statements are not supported'),
        'x',
        1000,
      ),
    ).toMatchObject({ kind: 'driver' });
    expect(describeStatementError(new Error('store closed'), 'x', 1000).kind).toBe('internal');
    expect(describeStatementError('a string thrown', 'x', 1000)).toMatchObject({
      kind: 'internal',
      message: 'a string thrown',
    });
  });

  it('calls a connection that broke under the statement a connection error, not the driver refusing it', () => {
    // Abstract in the typings; the driver itself raises the base class for a closed socket.
    const DriverError = errors.DriverError as unknown as new (message: string) => Error;
    expect(describeStatementError(new DriverError('Socket was closed'), 'x', 1000)).toMatchObject({
      kind: 'connection',
      hint: expect.stringContaining('may or may not have been applied'),
    });
    expect(describeStatementError(new errors.DriverInternalError('bad frame'), 'x', 1000).kind).toBe('internal');
    expect(describeStatementError(new errors.NotSupportedError('not in protocol v4'), 'x', 1000).kind).toBe('driver');
  });

  it('reports a failed authentication as unauthorized', () => {
    expect(describeStatementError(new errors.AuthenticationError('bad credentials'), 'x', 1000).kind).toBe(
      'unauthorized',
    );
  });
});
