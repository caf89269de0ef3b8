import 'server-only';
/**
 * What went wrong with a workbench statement, in words a user can act on: Cassandra's own message,
 * the kind of failure, where in the statement it points (syntax errors carry `line L:C`), and what to
 * try next. Pure: it reads the driver's error objects, it never throws them.
 */
import { errors as driverErrors, types } from 'cassandra-driver';
import { hostFailures } from '../../cluster/driver-internals';
import { BindValueError } from './bind-values';

export type StatementErrorKind =
  | 'syntax'
  | 'invalid'
  | 'unauthorized'
  | 'already-exists'
  | 'server-timeout'
  | 'client-timeout'
  | 'unavailable'
  | 'no-host'
  | 'bind'
  | 'cancelled'
  | 'needs-confirmation'
  | 'server'
  /** The driver refused the request before sending it (a bad option or argument), not Cassandra. */
  | 'driver'
  /** The connection to the node failed under the statement (a socket closed): it may or may not have run. */
  | 'connection'
  /** The console itself failed: neither Cassandra nor the user's values are to blame. */
  | 'internal';

export interface StatementError {
  kind: StatementErrorKind;
  message: string;
  /** Cassandra's error code (native protocol), when Cassandra answered. */
  code: number | null;
  /** 1-based line and column in the statement, and the character offset they name. */
  position: { line: number; column: number; offset: number } | null;
  hint: string | null;
}

const codes = types.responseErrorCodes;

/** Cassandra's parser reports `line 2:14` with a 0-based column; the editor wants an offset. */
export function syntaxPosition(statement: string, message: string): StatementError['position'] {
  const match = /line (\d+):(\d+)/.exec(message);
  if (!match) return null;
  const line = Number(match[1]);
  const column = Number(match[2]);
  const lines = statement.split('\n');
  const target = line >= 1 ? lines[line - 1] : undefined;
  if (line < 1 || line > lines.length || target === undefined) return null;
  const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + Math.min(column, target.length);
  return { line, column: column + 1, offset };
}

function byCode(code: number): { kind: StatementErrorKind; hint: string | null } {
  switch (code) {
    case codes.syntaxError:
      return { kind: 'syntax', hint: 'Fix the statement at the marked position.' };
    case codes.invalid:
      return { kind: 'invalid', hint: null };
    case codes.unauthorized:
    case codes.badCredentials:
      return {
        kind: 'unauthorized',
        hint: 'The console connects with the credentials in its configuration; grant that role the permission, or run it as another role.',
      };
    case codes.alreadyExists:
      return { kind: 'already-exists', hint: 'Add IF NOT EXISTS to make the statement safe to repeat.' };
    case codes.readTimeout:
    case codes.writeTimeout:
      return {
        kind: 'server-timeout',
        hint: 'Replicas did not answer in time: narrow the query (partition key, LIMIT), lower the consistency, or check the nodes (Nodes and Metrics pages).',
      };
    case codes.unavailableException:
      return {
        kind: 'unavailable',
        hint: 'Too few replicas are up for this consistency level: lower it or bring the nodes back.',
      };
    default:
      return { kind: 'server', hint: null };
  }
}

export function describeStatementError(error: unknown, statement: string, timeoutMs: number): StatementError {
  if (error instanceof BindValueError)
    return {
      kind: 'bind',
      message: error.message,
      code: null,
      position: null,
      hint: 'Give one JSON value per ? marker, in order; a list bound to IN ? is a JSON array.',
    };
  if (error instanceof driverErrors.ResponseError) {
    const { kind, hint } = byCode(error.code);
    return {
      kind,
      message: error.message,
      code: error.code,
      position: kind === 'syntax' ? syntaxPosition(statement, error.message) : null,
      hint,
    };
  }
  if (error instanceof driverErrors.OperationTimedOutError) {
    return {
      kind: 'client-timeout',
      message: `no answer within the ${timeoutMs} ms request timeout (${error.message})`,
      code: null,
      position: null,
      hint: 'Raise the request timeout or narrow the query. A write may still have been applied.',
    };
  }
  if (error instanceof driverErrors.NoHostAvailableError) {
    const inner = hostFailures(error);
    // Every host failing the same way with a response error is that error, not an outage.
    const responses = inner
      .map(({ error: e }) => e)
      .filter((e): e is driverErrors.ResponseError => e instanceof driverErrors.ResponseError);
    if (responses.length > 0 && responses.length === inner.length)
      return describeStatementError(responses[0], statement, timeoutMs);
    const timedOut =
      inner.length > 0 && inner.every(({ error: e }) => e instanceof driverErrors.OperationTimedOutError);
    const first = inner[0];
    if (timedOut && first) return describeStatementError(first.error, statement, timeoutMs);
    return {
      kind: 'no-host',
      message: `no node could run the statement${inner.length ? `: ${inner.map(({ host, error: e }) => `${host}: ${e.message}`).join('; ')}` : ''}`,
      code: null,
      position: null,
      hint: 'Check that the nodes are up (Nodes page).',
    };
  }
  if (isEncoderTypeError(error)) {
    // bind-values.ts encodes every value before execute, so this is the safety net for one that got past it.
    return {
      kind: 'bind',
      message: error.message,
      code: null,
      position: null,
      hint: 'A bound value does not fit its marker type.',
    };
  }
  if (error instanceof driverErrors.AuthenticationError) {
    return {
      kind: 'unauthorized',
      message: error.message,
      code: null,
      position: null,
      hint: byCode(codes.badCredentials).hint,
    };
  }
  if (error instanceof driverErrors.ArgumentError || error instanceof driverErrors.NotSupportedError) {
    return {
      kind: 'driver',
      message: error.message,
      code: null,
      position: null,
      hint: 'The driver refused the request before sending it to Cassandra.',
    };
  }
  if (error instanceof driverErrors.DriverError && !(error instanceof driverErrors.DriverInternalError)) {
    // The base class is what the driver raises when a connection breaks under a request ("Socket was closed").
    return {
      kind: 'connection',
      message: error.message,
      code: null,
      position: null,
      hint: 'The connection to the node failed while the statement ran: it may or may not have been applied. Check the nodes (Nodes page) and run it again.',
    };
  }
  // A TypeError or any other exception here is a fault of the console's, not Cassandra's answer nor
  // the user's values: calling it a bind or server error would send the user looking in the wrong place.
  return {
    kind: 'internal',
    message: error instanceof Error ? error.message : String(error),
    code: null,
    position: null,
    hint: "The console failed running the statement; its log has the details. This is not Cassandra's answer.",
  };
}

/**
 * The driver's encoder throws a plain TypeError for a value it cannot encode for a marker. Only
 * one raised from that module counts: a TypeError elsewhere is a bug, not a bad value.
 */
function isEncoderTypeError(error: unknown): error is TypeError {
  return error instanceof TypeError && /cassandra-driver[\\/]lib[\\/]encoder\.js/.test(error.stack ?? '');
}
