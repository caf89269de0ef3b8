import { errors as driverErrors } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { ClusterUnreachableError, JolokiaError, toTRPCError, UnknownClusterError } from './errors';

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
});
