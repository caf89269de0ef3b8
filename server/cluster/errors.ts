import 'server-only';
/**
 * Typed failures of cluster access, and the one place they become TRPCErrors. Every message
 * names the node or cluster, what failed, and what to check.
 */
import { TRPCError } from '@trpc/server';
import { errors as driverErrors } from 'cassandra-driver';
import { hostFailures } from './driver-internals';

export class UnknownClusterError extends Error {
  constructor(
    readonly clusterId: string,
    known: string[],
  ) {
    super(`no cluster "${clusterId}" is configured (configured: ${known.join(', ')})`);
  }
}

export class ClusterUnreachableError extends Error {
  constructor(
    readonly clusterId: string,
    readonly perHost: { host: string; reason: string }[],
  ) {
    super(
      `cluster ${clusterId}: could not connect over CQL to any contact point: ` +
        perHost.map((h) => `${h.host}: ${h.reason}`).join('; ') +
        '. Check that the nodes run and that contactPoints / port in the configuration are right.',
    );
  }
}

export class UnknownKeyspaceError extends Error {
  constructor(
    readonly clusterId: string,
    readonly keyspace: string,
    known: string[],
  ) {
    super(`cluster ${clusterId} has no keyspace "${keyspace}" (it has: ${known.sort().join(', ')})`);
  }
}

/** Input that is well-formed for the API but wrong for the cluster (a key that is not its column's type…). */
export class InvalidInputError extends Error {}

export class UnknownTableError extends Error {
  constructor(
    readonly clusterId: string,
    readonly keyspace: string,
    readonly table: string,
    known: string[],
  ) {
    super(
      `keyspace ${keyspace} of cluster ${clusterId} has no table or view "${table}" (it has: ${known.sort().join(', ') || 'none'})`,
    );
  }
}

/** Cassandra refused a statement: its own message, and the statement, reach the user as they are. */
export class StatementRejectedError extends Error {
  constructor(
    readonly statement: string,
    readonly cassandraMessage: string,
    readonly code: number | null,
  ) {
    super(`Cassandra rejected the statement: ${cassandraMessage}`);
  }
}

export type JolokiaFailure = 'refused' | 'timeout' | 'unreachable' | 'http' | 'protocol';

export class JolokiaError extends Error {
  constructor(
    readonly node: string,
    readonly url: string,
    readonly failure: JolokiaFailure,
    detail: string,
  ) {
    super(`node ${node}: ${detail} (${url})`);
  }
}

export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof StatementRejectedError || error instanceof InvalidInputError)
    return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
  if (
    error instanceof UnknownClusterError ||
    error instanceof UnknownKeyspaceError ||
    error instanceof UnknownTableError
  )
    return new TRPCError({ code: 'NOT_FOUND', message: error.message, cause: error });
  if (error instanceof ClusterUnreachableError)
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: error.message, cause: error });
  if (error instanceof JolokiaError) {
    return new TRPCError({
      code: error.failure === 'timeout' ? 'GATEWAY_TIMEOUT' : 'BAD_GATEWAY',
      message: error.message,
      cause: error,
    });
  }
  if (error instanceof driverErrors.NoHostAvailableError) {
    // Every node the driver tried is down or refused: the cluster, not the console, is the problem.
    const tried = hostFailures(error).map(({ host, error: inner }) => `${host}: ${inner.message}`);
    return new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: `no node could run the query${tried.length ? ` (${tried.join('; ')})` : ''}`,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message, cause: error instanceof Error ? error : undefined });
}
