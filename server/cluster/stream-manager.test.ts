import { describe, expect, it } from 'vitest';
import { describeStreams, streamsSchema } from './stream-manager';

describe('streams from StreamManager.CurrentStreams (Cassandra 4.0)', () => {
  it('names each plan with its peers, as the gate saw them during a real 4.0.19 decommission', () => {
    // StreamStateCompositeData as Jolokia renders it; fields the console does not read are kept out of the way.
    const answer = [
      {
        planId: 'b2c44b60-f26a-11f1-94e3-c5f85b9ed3c3',
        description: 'Unbootstrap',
        sessions: [{ planId: 'b2c44b60-f26a-11f1-94e3-c5f85b9ed3c3', peer: '127.0.0.47', state: 'STREAMING' }],
        currentRxBytes: 0,
        totalRxBytes: 0,
        rxPercentage: 0,
      },
    ];
    expect(describeStreams(streamsSchema.parse(answer))).toEqual([
      { what: 'Unbootstrap with 127.0.0.47 (plan b2c44b60-f26a-11f1-94e3-c5f85b9ed3c3)' },
    ]);
    expect(describeStreams(streamsSchema.parse([]))).toEqual([]);
    expect(streamsSchema.safeParse([{ description: 'Repair' }]).success).toBe(false);
  });
});
