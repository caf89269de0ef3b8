/**
 * The rule form (console administrators): its text fields to `alerts.saveRule`'s rule, and a rule in
 * force back to the form for editing. The server validates again (rule-schema.ts) and its message is
 * shown as it is; this only catches what is certainly wrong before sending. Pure.
 */
import type { AlertRule, AlertRuleInput, Severity } from '@/server/alerts/rule-schema';
import { formatSeconds, parseDuration } from './alert-format';

export type RuleKind = AlertRule['kind'];
type ThresholdOp = Extract<AlertRule, { kind: 'metric-threshold' }>['op'];

/** Every kind with what it watches; a Record, so a kind added on the server fails the typecheck here. */
export const KIND_MEANINGS: Record<RuleKind, string> = {
  'node-down': "Cassandra's own verdict (gossip, or nothing listening) says a node is Down",
  'node-not-answering': "a node does not answer the console's CQL probe",
  'agent-unreachable': "a node's Jolokia agent does not answer",
  'cluster-unreachable': 'the console cannot read the cluster at all',
  'schema-disagreement': 'nodes report different schema versions',
  'repair-overdue': "a table's gc_grace_seconds have passed since its last full repair by Ringside (or its creation)",
  'metric-threshold': 'a collected metric is above or below a line',
};
export const RULE_KINDS = Object.keys(KIND_MEANINGS) as RuleKind[];

/** Worst first, as the server ranks them. */
export const SEVERITY_LIST = ['critical', 'error', 'warning', 'info'] as const satisfies readonly Severity[];

export interface RuleForm {
  id: string;
  name: string;
  kind: RuleKind;
  severity: Severity;
  enabled: boolean;
  /** Comma-separated cluster ids; empty for every cluster. */
  clusters: string;
  /** Durations as typed: `0`, `30s`, `5m`, `1h`. */
  forText: string;
  keepFiringForText: string;
  metric: string;
  op: ThresholdOp;
  threshold: string;
  /** Empty: the threshold itself is the recovery line. */
  recoverAt: string;
}

export function emptyRuleForm(): RuleForm {
  return {
    id: '',
    name: '',
    kind: 'node-down',
    severity: 'critical',
    enabled: true,
    clusters: '',
    forText: '0',
    keepFiringForText: '0',
    metric: '',
    op: '>',
    threshold: '',
    recoverAt: '',
  };
}

const RULE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export type RuleFormResult = { rule: AlertRuleInput; problem: null } | { rule: null; problem: string };
const refuse = (problem: string): RuleFormResult => ({ rule: null, problem });

function number(text: string): number | null {
  if (!text.trim()) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function ruleOf(form: RuleForm): RuleFormResult {
  const id = form.id.trim();
  if (!RULE_ID.test(id)) return refuse('id: lower-case letters, digits and dashes, starting with a letter or digit');
  const name = form.name.trim();
  if (!name) return refuse('name: say what it means when it fires');
  const forSeconds = parseDuration(form.forText);
  if (forSeconds === null) return refuse(`for: "${form.forText}" is not a duration (30s, 5m, 1h)`);
  const keepFiringForSeconds = parseDuration(form.keepFiringForText);
  if (keepFiringForSeconds === null)
    return refuse(`keep firing for: "${form.keepFiringForText}" is not a duration (30s, 5m, 1h)`);
  const clusters = form.clusters
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const base = {
    id,
    name,
    severity: form.severity,
    enabled: form.enabled,
    forSeconds,
    keepFiringForSeconds,
    ...(clusters.length ? { clusters } : {}),
  };
  if (form.kind !== 'metric-threshold') return { rule: { ...base, kind: form.kind }, problem: null };

  if (!form.metric) return refuse('metric: choose what to watch');
  const threshold = number(form.threshold);
  if (threshold === null) return refuse(`threshold: "${form.threshold}" is not a number`);
  const recoverAt = number(form.recoverAt);
  if (form.recoverAt.trim() && recoverAt === null) return refuse(`recover at: "${form.recoverAt}" is not a number`);
  return {
    rule: {
      ...base,
      kind: 'metric-threshold',
      metric: form.metric,
      op: form.op,
      threshold,
      ...(recoverAt !== null ? { recoverAt } : {}),
    },
    problem: null,
  };
}

/** A rule in force as the form shows it, to replace it (same id) or start a new one from it. */
export function formOfRule(rule: AlertRule): RuleForm {
  const form: RuleForm = {
    ...emptyRuleForm(),
    id: rule.id,
    name: rule.name,
    kind: rule.kind,
    severity: rule.severity,
    enabled: rule.enabled,
    clusters: rule.clusters?.join(', ') ?? '',
    forText: formatDuration(rule.forSeconds),
    keepFiringForText: formatDuration(rule.keepFiringForSeconds),
  };
  if (rule.kind !== 'metric-threshold') return form;
  return {
    ...form,
    metric: rule.metric,
    op: rule.op,
    threshold: String(rule.threshold),
    recoverAt: rule.recoverAt === undefined ? '' : String(rule.recoverAt),
  };
}

/** Seconds as the form's duration field reads them back (300 → "5m"). */
function formatDuration(seconds: number): string {
  return formatSeconds(seconds).replace(' min', 'm').replace(' ', '');
}

/** The rule's condition in one line: "client.read.p99 > 1000000 (recovers at 800000)", or what its kind watches. */
export function conditionOf(rule: AlertRule): string {
  if (rule.kind !== 'metric-threshold') return KIND_MEANINGS[rule.kind];
  return `${rule.metric} ${rule.op} ${rule.threshold}${rule.recoverAt !== undefined ? ` (recovers at ${rule.recoverAt})` : ''}`;
}
