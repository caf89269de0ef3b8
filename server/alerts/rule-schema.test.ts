import { describe, expect, it } from 'vitest';
import { useTemporaryConfig } from '@/testing/unit-config';
import { loadConfig } from '../config';
import { alertRuleSchema } from './rule-schema';
import { STARTER_RULES } from './starter-rules';

describe('alert rules', () => {
  it('refuses a metric the collector does not store, listing those it does', () => {
    const result = alertRuleSchema.safeParse({
      id: 'read-p99',
      name: 'Read p99',
      kind: 'metric-threshold',
      metric: 'read.p99',
      op: '>',
      threshold: 1000,
      severity: 'warning',
    });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(['metric']);
    expect(issue.message).toContain('no metric "read.p99" is collected; collected: client.read.rate,');
    expect(issue.message).toContain('client.read.p99');
  });

  it('refuses a recovery line on the wrong side of the threshold', () => {
    const result = alertRuleSchema.safeParse({
      id: 'pending',
      name: 'Pending',
      kind: 'metric-threshold',
      metric: 'compaction.pending',
      op: '>',
      threshold: 100,
      recoverAt: 150,
      severity: 'warning',
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['recoverAt', 'must be on the healthy side of the threshold: at most 100'],
    ]);
  });

  it('takes every starter rule as valid', () => {
    for (const rule of STARTER_RULES) expect(alertRuleSchema.safeParse(rule).success).toBe(true);
  });

  it('stops a configuration with a bad rule at load, naming the field, and one with a repeated id', () => {
    useTemporaryConfig({
      clusters: [{ id: 'prod', contactPoints: ['127.0.0.254'], localDataCenter: 'dc1' }],
      alerts: {
        rules: [
          { id: 'a', name: 'A', kind: 'node-down', severity: 'critical' },
          { id: 'a', name: 'A again', kind: 'node-down', severity: 'critical' },
          { id: 'b', name: 'B', kind: 'metric-threshold', metric: 'nope', op: '>', threshold: 1, severity: 'info' },
        ],
      },
    });
    expect(() => loadConfig()).toThrow(/alerts\.rules\.2\.metric: no metric "nope" is collected/);
    expect(() => loadConfig()).toThrow(/alerts\.rules\.1\.id: "a" is the id of an earlier rule/);
  });
});
