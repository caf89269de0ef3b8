import { describe, expect, it } from 'vitest';
import { summary } from '@/testing/home-fixtures';
import { applyHomeMessage, EMPTY_HOME, verdictOf } from './home-state';

describe('applyHomeMessage', () => {
  it('takes every cluster from a full message and only what changed from the next', () => {
    const first = applyHomeMessage(EMPTY_HOME, {
      full: true,
      summaries: [summary('a'), summary('b')],
      sparks: [{ id: 'a', enabled: true, points: [] }],
    });
    expect(Object.keys(first.summaries)).toEqual(['a', 'b']);
    const next = applyHomeMessage(first, {
      full: false,
      summaries: [summary('b', { up: 2 })],
      sparks: [{ id: 'a', enabled: true, points: [{ at: 1, reads: 1, writes: 2, readP99: 3, writeP99: 4 }] }],
    });
    expect(next.summaries.a).toBe(first.summaries.a);
    expect(next.summaries.b?.up).toBe(2);
    expect(next.sparks.a?.points).toHaveLength(1);
    // A reconnect's full message replaces everything: a cluster no longer granted goes.
    const again = applyHomeMessage(next, { full: true, summaries: [summary('a')], sparks: [] });
    expect(Object.keys(again.summaries)).toEqual(['a']);
    expect(again.sparks).toEqual({});
  });
});

describe('verdictOf', () => {
  it('says the worst thing first, in a word', () => {
    expect(verdictOf(undefined).word).toBe('connecting');
    expect(verdictOf(summary('a', { takenAt: null })).word).toBe('connecting');
    expect(verdictOf(summary('a', { error: 'x', nothingAnswers: true, up: 0, total: 0 })).word).toBe('unreachable');
    expect(verdictOf(summary('a', { up: 0, downCount: 3 })).word).toBe('down');
    expect(verdictOf(summary('a', { up: 2, downCount: 1 })).word).toBe('degraded');
    expect(verdictOf(summary('a', { error: 'no CQL' })).word).toBe('CQL unreachable');
    expect(verdictOf(summary('a', { alerts: { monitored: true, incidents: 1, firing: 2, error: null } })).word).toBe(
      'alerting',
    );
    expect(verdictOf(summary('a', { agentErrorCount: 1 }))).toEqual({ word: 'attention', tone: 'warn' });
    expect(verdictOf(summary('a', { schemaVersions: 2 })).word).toBe('attention');
    expect(verdictOf(summary('a'))).toEqual({ word: 'healthy', tone: 'ok' });
  });
});
