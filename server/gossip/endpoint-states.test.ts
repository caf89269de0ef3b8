import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gossipStatus, parseEndpointStates } from './endpoint-states';
import { recordedPath } from '@/testing/recorded-views';

// Recorded from FailureDetector.AllEndpointStatesWithPort of node 1 of the real local cluster (Cassandra 5.0.9).
const recorded = readFileSync(recordedPath('endpoint-states.txt'), 'utf8');

describe('parseEndpointStates', () => {
  it('reads every endpoint with generation, heartbeat and versioned states', () => {
    const states = parseEndpointStates(recorded);
    expect(states.map((s) => s.endpoint)).toEqual(['127.0.0.1:7000', '127.0.0.2:7000', '127.0.0.3:7000']);
    const [first, , third] = states;
    expect(first).toBeDefined();
    expect(first?.generation).toBeGreaterThan(1_700_000_000);
    expect(first?.heartbeat).toBeGreaterThan(0);
    expect(first?.states.DC).toEqual({ version: expect.any(Number), value: 'dc1' });
    expect(first?.states.NATIVE_ADDRESS_AND_PORT?.value).toBe('127.0.0.1:9042');
    expect(first?.states.TOKENS?.value).toBe('<hidden>');
    expect(gossipStatus(first!)).toBe('NORMAL');
    expect(third?.states.DC?.value).toBe('dc2');
  });

  it('keeps colons inside values and tolerates host names before the slash', () => {
    const [state] = parseEndpointStates(
      'node1.example/10.0.0.1:7000\n  generation:5\n  heartbeat:9\n  INTERNAL_ADDRESS_AND_PORT:8:10.0.0.1:7000\n  STATUS:3:LEAVING,123\n',
    );
    expect(state).toMatchObject({ endpoint: '10.0.0.1:7000', generation: 5, heartbeat: 9 });
    expect(state?.states.INTERNAL_ADDRESS_AND_PORT?.value).toBe('10.0.0.1:7000');
    expect(gossipStatus(state!)).toBe('LEAVING');
  });
});
