import { errors as driverErrors } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import {
  ClusterRefusedConnectionError,
  ClusterUnreachableError,
  explainRefusal,
  JolokiaError,
  toTRPCError,
  UnknownClusterError,
} from './errors';

/** A Node TLS failure as the driver passes it on: an Error with OpenSSL's or Node's code. */
function tlsError(code: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

describe('toTRPCError', () => {
  it('gives each typed failure its own code and keeps the message', () => {
    expect(toTRPCError(new UnknownClusterError('x', ['demo'])).code).toBe('NOT_FOUND');
    expect(toTRPCError(new ClusterUnreachableError('demo', [{ host: '127.0.0.9:9042', reason: 'refused' }])).code).toBe(
      'SERVICE_UNAVAILABLE',
    );
    expect(toTRPCError(new JolokiaError('127.0.0.1', 'http://x', 'timeout', 'slow')).code).toBe('GATEWAY_TIMEOUT');
    expect(toTRPCError(new JolokiaError('127.0.0.1', 'http://x', 'refused', 'refused')).code).toBe('BAD_GATEWAY');
  });

  it('turns the driver finding no node to run a query into SERVICE_UNAVAILABLE naming the nodes', () => {
    const error = toTRPCError(
      new driverErrors.NoHostAvailableError({ '127.0.0.1:9042': new Error('Host considered as DOWN') }),
    );
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.message).toBe('no node could run the query (127.0.0.1:9042: Host considered as DOWN)');
  });

  it('leaves anything else an internal error', () => {
    expect(toTRPCError(new Error('bug')).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('makes a refused connection BAD_GATEWAY, and still a ClusterUnreachableError', () => {
    const refused = new ClusterRefusedConnectionError('prod', 'credentials', [
      { host: '10.0.0.1:9042', reason: 'node 10.0.0.1:9042 refused the credentials for user "ops"' },
      { host: '10.0.0.2:9042', reason: 'connect ECONNREFUSED' },
    ]);
    expect(refused).toBeInstanceOf(ClusterUnreachableError);
    expect(refused.message).toBe(
      'cluster prod: node 10.0.0.1:9042 refused the credentials for user "ops" (and 1 more contact point(s): 10.0.0.2:9042)',
    );
    expect(toTRPCError(refused).code).toBe('BAD_GATEWAY');
  });
});

describe('explainRefusal', () => {
  const host = '127.0.0.21:9042';
  const secure = { credentials: { username: 'ops' }, tls: { enabled: true, caFile: '/etc/ringside/ca.pem' } };

  it('names the user whose credentials the cluster refused', () => {
    const explained = explainRefusal(
      secure,
      host,
      new driverErrors.AuthenticationError('Provided username ops and/or password are incorrect'),
    );
    expect(explained?.refusal).toBe('credentials');
    expect(explained?.reason).toBe(
      'node 127.0.0.21:9042 refused the credentials for user "ops" (Cassandra says: Provided username ops and/or password are incorrect). ' +
        'Check credentials.username and credentials.password / passwordFile, and that the role may log in.',
    );
  });

  it('says when a login is needed and no credentials are configured', () => {
    const explained = explainRefusal({}, host, new driverErrors.AuthenticationError('requires authentication'));
    expect(explained?.refusal).toBe('credentials');
    expect(explained?.reason).toMatch(/requires a login, but no credentials are configured: set credentials\.username/);
  });

  it('says the certificate is not from the CA in tls.caFile, or that no CA is configured', () => {
    for (const code of [
      'SELF_SIGNED_CERT_IN_CHAIN',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    ]) {
      const explained = explainRefusal(secure, host, tlsError(code, 'self-signed certificate in certificate chain'));
      expect(explained?.refusal).toBe('untrusted-certificate');
      expect(explained?.reason).toContain(
        "node 127.0.0.21:9042's certificate is not signed by the CA in tls.caFile (/etc/ringside/ca.pem)",
      );
    }
    const noCa = explainRefusal({ tls: { enabled: true } }, host, tlsError('SELF_SIGNED_CERT_IN_CHAIN', 'x'));
    expect(noCa?.reason).toMatch(/no tls\.caFile is configured .*set tls\.caFile/);
  });

  it('names the address dialled and what the certificate names instead', () => {
    const explained = explainRefusal(
      secure,
      host,
      tlsError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames", {
        host: '127.0.0.21',
        cert: { subjectaltname: 'IP Address:127.0.0.99' },
      }),
    );
    expect(explained?.refusal).toBe('host-name-mismatch');
    expect(explained?.reason).toMatch(
      /^node 127\.0\.0\.21:9042's certificate does not name 127\.0\.0\.21 \(it names IP Address:127\.0\.0\.99\): .*IP SAN/,
    );
  });

  it('tells an expired certificate apart', () => {
    expect(explainRefusal(secure, host, tlsError('CERT_HAS_EXPIRED', 'certificate has expired'))?.refusal).toBe(
      'expired-certificate',
    );
  });

  it('leaves an outage alone: that is not a refusal', () => {
    expect(explainRefusal(secure, host, tlsError('ECONNREFUSED', 'connect ECONNREFUSED'))).toBeUndefined();
    expect(explainRefusal(secure, host, new Error('Host considered as DOWN'))).toBeUndefined();
  });
});
