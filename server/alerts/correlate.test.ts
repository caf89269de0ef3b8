import { describe, expect, it } from 'vitest';
import { correlate, type ActiveInstance } from './correlate';
import { fingerprintOf } from './observations';
import { alertRuleSchema, type AlertRuleInput } from './rule-schema';
import { STARTER_RULES } from './starter-rules';

const rule = (id: string) => alertRuleSchema.parse(STARTER_RULES.find((r) => r.id === id) as AlertRuleInput);

function active(ruleId: string, node?: string, cluster = 'prod'): ActiveInstance {
  const labels: Record<string, string> = { alertname: ruleId, cluster, ...(node ? { node } : {}) };
  return { fingerprint: fingerprintOf(labels), rule: rule(ruleId), labels };
}

const summary = (groups: ReturnType<typeof correlate>) =>
  groups.map((g) => ({
    key: g.key,
    members: g.members.map((m) => m.fingerprint).sort(),
    muted: g.muted.map((m) => m.instance.fingerprint).sort(),
  }));

describe('correlation', () => {
  it('puts a down node, its own alerts and its peers’ hints in one incident', () => {
    const groups = correlate([
      active('node-not-answering', '10.0.0.3'),
      active('node-down', '10.0.0.3'),
      active('agent-unreachable', '10.0.0.3'),
      active('read-latency-p99', '10.0.0.3'),
      active('hints-growing', '10.0.0.1'),
      active('hints-growing', '10.0.0.2'),
    ]);
    expect(summary(groups)).toEqual([
      {
        key: 'prod/availability',
        members: [
          'alertname=node-down,cluster=prod,node=10.0.0.3',
          'alertname=node-not-answering,cluster=prod,node=10.0.0.3',
        ],
        muted: [
          'alertname=agent-unreachable,cluster=prod,node=10.0.0.3',
          'alertname=hints-growing,cluster=prod,node=10.0.0.1',
          'alertname=hints-growing,cluster=prod,node=10.0.0.2',
          'alertname=read-latency-p99,cluster=prod,node=10.0.0.3',
        ],
      },
    ]);
  });

  it('lists several failed nodes in one incident, and keeps other nodes’ own alerts apart', () => {
    const groups = correlate([
      active('node-down', '10.0.0.2'),
      active('node-down', '10.0.0.3'),
      active('read-latency-p99', '10.0.0.1'),
      active('pending-compactions', '10.0.0.1'),
      active('pending-compactions', '10.0.0.4'),
    ]);
    expect(summary(groups).map((g) => [g.key, g.members.length, g.muted.length])).toEqual([
      ['prod/availability', 2, 0],
      ['prod/rule/read-latency-p99', 1, 0],
      ['prod/rule/pending-compactions', 2, 0],
    ]);
  });

  it('mutes everything of a cluster that cannot be reached, and nothing of another cluster', () => {
    const groups = correlate([
      active('cluster-unreachable'),
      active('node-down', '10.0.0.3'),
      active('schema-disagreement'),
      active('node-down', '10.1.0.1', 'staging'),
    ]);
    expect(summary(groups)).toEqual([
      {
        key: 'prod/availability',
        members: ['alertname=cluster-unreachable,cluster=prod'],
        muted: ['alertname=node-down,cluster=prod,node=10.0.0.3', 'alertname=schema-disagreement,cluster=prod'],
      },
      { key: 'staging/availability', members: ['alertname=node-down,cluster=staging,node=10.1.0.1'], muted: [] },
    ]);
  });
});
