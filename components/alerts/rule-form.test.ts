import { describe, expect, it } from 'vitest';
import type { AlertRule } from '@/server/alerts/rule-schema';
import { conditionOf, emptyRuleForm, formOfRule, ruleOf, type RuleForm } from './rule-form';

const form = (change: Partial<RuleForm>): RuleForm => ({
  ...emptyRuleForm(),
  id: 'e2e-node-down',
  name: 'E2E node down',
  ...change,
});

describe('ruleOf', () => {
  it('makes an availability rule with its timing in seconds and no threshold fields', () => {
    expect(ruleOf(form({ severity: 'error', forText: '30s', keepFiringForText: '2m', threshold: '5' }))).toEqual({
      problem: null,
      rule: {
        id: 'e2e-node-down',
        name: 'E2E node down',
        kind: 'node-down',
        severity: 'error',
        enabled: true,
        forSeconds: 30,
        keepFiringForSeconds: 120,
      },
    });
  });

  it('makes a threshold rule, with a recovery line only when one is given, and a cluster list', () => {
    const threshold = form({
      id: 'read-p99',
      name: 'Read p99 high',
      kind: 'metric-threshold',
      metric: 'client.read.p99',
      op: '>',
      threshold: '1000000',
      recoverAt: '800000',
      clusters: 'demo, prod',
      enabled: false,
    });
    expect(ruleOf(threshold).rule).toEqual({
      id: 'read-p99',
      name: 'Read p99 high',
      kind: 'metric-threshold',
      metric: 'client.read.p99',
      op: '>',
      threshold: 1_000_000,
      recoverAt: 800_000,
      severity: 'critical',
      enabled: false,
      clusters: ['demo', 'prod'],
      forSeconds: 0,
      keepFiringForSeconds: 0,
    });
    expect(ruleOf({ ...threshold, recoverAt: ' ' }).rule).not.toHaveProperty('recoverAt');
  });

  it('says what is wrong before sending', () => {
    const problem = (change: Partial<RuleForm>) => ruleOf(form(change)).problem;
    expect(problem({ id: 'Node Down' })).toMatch(/^id: lower-case letters/);
    expect(problem({ name: ' ' })).toMatch(/^name:/);
    expect(problem({ forText: 'soon' })).toBe('for: "soon" is not a duration (30s, 5m, 1h)');
    expect(problem({ kind: 'metric-threshold', metric: '' })).toBe('metric: choose what to watch');
    expect(problem({ kind: 'metric-threshold', metric: 'hints.rate', threshold: 'many' })).toBe(
      'threshold: "many" is not a number',
    );
    expect(problem({ kind: 'metric-threshold', metric: 'hints.rate', threshold: '50', recoverAt: 'x' })).toBe(
      'recover at: "x" is not a number',
    );
  });
});

describe('formOfRule', () => {
  it('gives back the form that makes the same rule', () => {
    const rule: AlertRule = {
      id: 'pending-compactions',
      name: 'Pending compactions above 100',
      kind: 'metric-threshold',
      metric: 'compaction.pending',
      op: '>',
      threshold: 100,
      recoverAt: 50,
      severity: 'warning',
      enabled: true,
      forSeconds: 900,
      keepFiringForSeconds: 90,
    };
    const edited = formOfRule(rule);
    expect(edited.forText).toBe('15m');
    expect(edited.keepFiringForText).toBe('90s');
    expect(ruleOf(edited).rule).toEqual(rule);
    expect(conditionOf(rule)).toBe('compaction.pending > 100 (recovers at 50)');
  });
});
