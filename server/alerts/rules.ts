import 'server-only';
/**
 * The rules in force: the starter catalogue (unless `alerts.starterRules` is false), then rules added
 * in the UI (one may replace a starter rule of the same id), then the config file's (which win: what
 * an operator put under version control is not overridden by a click).
 */
import { config } from '../config';
import { getStore } from '../store';
import type { Store } from '../store/database';
import { listUiRules } from './alert-store';
import { alertRuleSchema, type AlertRule } from './rule-schema';
import { STARTER_RULES } from './starter-rules';

export type RuleSource = 'starter' | 'ui' | 'config';
export interface RuleInForce {
  rule: AlertRule;
  source: RuleSource;
}

const STARTER = STARTER_RULES.map((rule) => alertRuleSchema.parse(rule));

export function rulesInForce(db: Store = getStore()): RuleInForce[] {
  const settings = config().alerts;
  const byId = new Map<string, RuleInForce>();
  if (settings.starterRules) for (const rule of STARTER) byId.set(rule.id, { rule, source: 'starter' });
  for (const rule of listUiRules(db)) byId.set(rule.id, { rule, source: 'ui' });
  for (const rule of settings.rules) byId.set(rule.id, { rule, source: 'config' });
  return [...byId.values()];
}

export function configRuleIds(): Set<string> {
  return new Set(config().alerts.rules.map((r) => r.id));
}
