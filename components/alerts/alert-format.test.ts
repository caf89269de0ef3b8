import { describe, expect, it } from 'vitest';
import { AGENT_MUTED, INCIDENT, NODE_DOWN, NOT_ANSWERING, SILENCE } from '@/testing/alert-fixtures';
import {
  describeAlert,
  formatAge,
  formatMatcher,
  formatMatchers,
  formatSeconds,
  mergeSilences,
  nestMuted,
  parseDuration,
  silenceComment,
  subjectOf,
} from './alert-format';

describe('subjectOf', () => {
  it('names the node, the table of a repair-overdue alert, or the cluster', () => {
    expect(subjectOf(NODE_DOWN)).toBe('127.0.0.3');
    expect(
      subjectOf({ labels: { alertname: 'repair-overdue', cluster: 'demo', keyspace: 'shop', table: 'carts' } }),
    ).toBe('table shop.carts');
    expect(subjectOf({ labels: { alertname: 'schema-disagreement', cluster: 'demo' } })).toBe('cluster demo');
  });
});

describe('formatMatcher', () => {
  it('prints name, operator and the value quoted, as Alertmanager does', () => {
    expect(formatMatcher({ name: 'node', op: '=', value: '127.0.0.3' })).toBe('node = "127.0.0.3"');
    expect(formatMatcher({ name: 'alertname', op: '=~', value: 'node-.*' })).toBe('alertname =~ "node-.*"');
    expect(formatMatcher({ name: 'dc', op: '!=', value: '' })).toBe('dc != ""');
    expect(formatMatcher({ name: 'x', op: '!~', value: 'say "hi"' })).toBe('x !~ "say \\"hi\\""');
    expect(formatMatchers(SILENCE.matchers)).toBe('cluster = "demo", node = "127.0.0.3"');
  });
});

describe('durations', () => {
  it('prints a rule timing in the largest unit that divides it', () => {
    expect(formatSeconds(0)).toBe('0 s');
    expect(formatSeconds(90)).toBe('90 s');
    expect(formatSeconds(300)).toBe('5 min');
    expect(formatSeconds(7200)).toBe('2 h');
    expect(formatSeconds(86_400)).toBe('1 d');
  });

  it('prints an age in its two largest units', () => {
    expect(formatAge(-5)).toBe('0 s');
    expect(formatAge(45_000)).toBe('45 s');
    expect(formatAge(5 * 60_000 + 10_000)).toBe('5 min');
    expect(formatAge(2 * 3_600_000)).toBe('2 h');
    expect(formatAge(2 * 3_600_000 + 10 * 60_000)).toBe('2 h 10 min');
    expect(formatAge(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h');
  });

  it('reads a typed duration, or says it is none', () => {
    expect(parseDuration('90')).toBe(90);
    expect(parseDuration('30s')).toBe(30);
    expect(parseDuration('5m')).toBe(300);
    expect(parseDuration('5 min')).toBe(300);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('1d')).toBe(86_400);
    expect(parseDuration('soon')).toBeNull();
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('-5')).toBeNull();
  });
});

describe('nestMuted', () => {
  it('puts each muted alert under the member that mutes it, and names that member', () => {
    const { members, orphans, mutedBy } = nestMuted(INCIDENT);
    expect(members.map((m) => [m.member.ruleId, m.muted.map((a) => a.ruleId)])).toEqual([
      ['node-down', ['agent-unreachable']],
      ['node-not-answering', []],
    ]);
    expect(orphans).toEqual([]);
    expect(mutedBy(AGENT_MUTED)).toBe('muted by node-down on 127.0.0.3');
  });

  it('keeps a muted alert whose muter is not a member, named from its fingerprint', () => {
    const stray = { ...AGENT_MUTED, mutedBy: 'alertname=node-down,cluster=demo,node=127.0.0.9' };
    const { members, orphans, mutedBy } = nestMuted({ members: [NOT_ANSWERING], muted: [stray] });
    expect(members[0]?.muted).toEqual([]);
    expect(orphans).toEqual([stray]);
    expect(mutedBy(stray)).toBe('muted by node-down on 127.0.0.9');
  });

  it('names a cluster-wide alert by its cluster', () => {
    expect(describeAlert({ ruleId: 'cluster-unreachable', labels: { cluster: 'demo' } })).toBe(
      'cluster-unreachable on cluster demo',
    );
    expect(describeAlert(NODE_DOWN)).toBe('node-down on 127.0.0.3');
  });
});

describe('silences', () => {
  it("finds a silence's comment by id, or says which silence it was", () => {
    expect(silenceComment('silence-1', [SILENCE])).toBe('replacing the disk of node 3');
    expect(silenceComment('gone', [SILENCE])).toBe('silence gone');
  });

  it('lists the live state over the stored one: active, then pending, then expired, latest end first', () => {
    const pending = { ...SILENCE, id: 'p', state: 'pending' as const, startsAt: SILENCE.endsAt };
    const oldExpired = { ...SILENCE, id: 'e1', state: 'expired' as const, endsAt: Date.UTC(2024, 0, 1) };
    const endedEarly = {
      ...SILENCE,
      id: 'e2',
      state: 'expired' as const,
      endsAt: Date.UTC(2024, 0, 9),
      expiredAt: Date.UTC(2024, 0, 1, 12),
    };
    const storedAsPending = { ...SILENCE, state: 'pending' as const };
    const merged = mergeSilences([SILENCE, pending], [oldExpired, storedAsPending, endedEarly]);
    expect(merged.map((s) => `${s.id}:${s.state}`)).toEqual([
      'silence-1:active',
      'p:pending',
      'e2:expired',
      'e1:expired',
    ]);
    expect(mergeSilences([SILENCE], undefined)).toEqual([SILENCE]);
  });
});
