import { describe, expect, it } from 'vitest';
import { silenceInputSchema, silencedBy, silenceState, type Silence } from './silences';

const silence = (over: Partial<Silence>): Silence => ({
  id: 's1',
  matchers: [{ name: 'cluster', op: '=', value: 'prod' }],
  startsAt: 1000,
  endsAt: 5000,
  comment: 'maintenance',
  createdBy: 'ana@example.com',
  createdAt: 0,
  expiredAt: null,
  ...over,
});

describe('silences', () => {
  it('mute matching labels only while active', () => {
    const s = silence({
      matchers: [
        { name: 'cluster', op: '=', value: 'prod' },
        { name: 'node', op: '=~', value: '10\\.0\\.0\\.[12]' },
      ],
    });
    const node1 = { cluster: 'prod', node: '10.0.0.1', alertname: 'node-down' };
    expect(silencedBy(node1, [s], 500)).toBeUndefined();
    expect(silencedBy(node1, [s], 1000)).toBe(s);
    expect(silencedBy({ ...node1, node: '10.0.0.3' }, [s], 2000)).toBeUndefined();
    expect(silencedBy(node1, [s], 5000)).toBeUndefined();
    expect(silenceState(s, 500)).toBe('pending');
    expect(silenceState({ ...s, expiredAt: 1500 }, 2000)).toBe('expired');
  });

  it('treat a missing label as empty, and support negative matchers', () => {
    const s = silence({
      matchers: [
        { name: 'cluster', op: '=', value: 'prod' },
        { name: 'node', op: '!=', value: '' },
      ],
    });
    expect(silencedBy({ cluster: 'prod' }, [s], 2000)).toBeUndefined();
    expect(silencedBy({ cluster: 'prod', node: 'x' }, [s], 2000)).toBe(s);
  });

  it('refuse a silence of everything, a bad expression and an end before the start, naming the field', () => {
    const bad = silenceInputSchema.safeParse({
      matchers: [{ name: 'node', op: '=~', value: '.*' }],
      startsAt: 10,
      endsAt: 5,
      comment: 'x',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['endsAt', 'matchers']);
    const regex = silenceInputSchema.safeParse({
      matchers: [{ name: 'node', op: '=~', value: '(' }],
      startsAt: 1,
      endsAt: 5,
      comment: 'x',
    });
    expect(regex.error?.issues[0]?.path).toEqual(['matchers', 0, 'value']);
  });
});
