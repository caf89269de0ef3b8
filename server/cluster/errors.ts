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
    message?: string,
  ) {
    super(
      message ??
        `cluster ${clusterId}: could not connect over CQL to any contact point: ` +
          perHost.map((h) => `${h.host}: ${h.reason}`).join('; ') +
          '. Check that the nodes run and that contactPoints / port in the configuration are right.',
    );
  }
}

/** Why a node that answered still would not let the console in; each has its own fix. */
export type ConnectionRefusal = 'credentials' | 'untrusted-certificate' | 'host-name-mismatch' | 'expired-certificate';

/**
 * The nodes answered, but the login or the TLS handshake failed: a configuration problem, not an
 * outage. A ClusterUnreachableError still (there is no connection), so everything that copes with
 * an unreachable cluster copes with this; its message says which check failed and what to change.
 */
export class ClusterRefusedConnectionError extends ClusterUnreachableError {
  constructor(
    clusterId: string,
    readonly refusal: ConnectionRefusal,
    perHost: { host: string; reason: string }[],
  ) {
    const [first] = perHost;
    const others =
      perHost.length > 1
        ? ` (and ${perHost.length - 1} more contact point(s): ${perHost
            .slice(1)
            .map((h) => h.host)
            .join(', ')})`
        : '';
    super(clusterId, perHost, `cluster ${clusterId}: ${first?.reason ?? refusal}${others}`);
  }
}

/** What the console connects with, as far as explaining a refusal needs it. */
export interface ConnectionSettings {
  credentials?: { username: string };
  tls?: { enabled: boolean; caFile?: string };
}

/** OpenSSL's verdicts on a chain that does not lead to a trusted CA (as Node's TLS reports them in `code`). */
const UNTRUSTED_CHAIN = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

const fieldOf = (error: Error, key: string): unknown => (key in error ? Reflect.get(error, key) : undefined);
const stringField = (error: Error, key: string): string | undefined => {
  const value = fieldOf(error, key);
  return typeof value === 'string' ? value : undefined;
};

/**
 * One node's connect failure explained, if it is a refusal: the cluster refused the login, or the
 * node's certificate is not from the configured CA, does not name the address dialled, or is out of date.
 * `host` is `address:port` as the driver names it.
 */
export function explainRefusal(
  settings: ConnectionSettings,
  host: string,
  error: unknown,
): { refusal: ConnectionRefusal; reason: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error instanceof driverErrors.AuthenticationError) {
    const user = settings.credentials?.username;
    return {
      refusal: 'credentials',
      reason: user
        ? `node ${host} refused the credentials for user "${user}" (Cassandra says: ${error.message}). ` +
          'Check credentials.username and credentials.password / passwordFile, and that the role may log in.'
        : `node ${host} requires a login, but no credentials are configured: set credentials.username and ` +
          'credentials.password or credentials.passwordFile for this cluster.',
    };
  }
  const code = stringField(error, 'code');
  if (code === undefined) return undefined;
  const caFile = settings.tls?.caFile;
  if (UNTRUSTED_CHAIN.has(code))
    return {
      refusal: 'untrusted-certificate',
      reason: caFile
        ? `node ${host}'s certificate is not signed by the CA in tls.caFile (${caFile}) (${code}): ` +
          "point tls.caFile at the CA certificate (PEM) that signed the nodes' certificates."
        : `node ${host}'s certificate is not signed by a CA this server trusts, and no tls.caFile is configured (${code}): ` +
          "set tls.caFile to the cluster's CA certificate (PEM).",
    };
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const dialled = stringField(error, 'host') ?? host.replace(/:\d+$/, '');
    const cert = fieldOf(error, 'cert');
    const names =
      typeof cert === 'object' && cert !== null && 'subjectaltname' in cert && typeof cert.subjectaltname === 'string'
        ? cert.subjectaltname
        : undefined;
    return {
      refusal: 'host-name-mismatch',
      reason:
        `node ${host}'s certificate does not name ${dialled}` +
        `${names ? ` (it names ${names})` : ' (it has no subject alternative names)'}: ` +
        'the console dials nodes by IP address, so each node certificate needs its address as an IP SAN; reissue it.',
    };
  }
  if (EXPIRED.has(code))
    return {
      refusal: 'expired-certificate',
      reason: `node ${host}'s certificate is ${code === 'CERT_HAS_EXPIRED' ? 'expired' : 'not valid yet'} (${code}): renew it, and check the clocks.`,
    };
  return undefined;
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
  // Before ClusterUnreachableError, its parent: the cluster is up, the console's settings are wrong.
  if (error instanceof ClusterRefusedConnectionError)
    return new TRPCError({ code: 'BAD_GATEWAY', message: error.message, cause: error });
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
