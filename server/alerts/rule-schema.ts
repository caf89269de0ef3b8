/**
 * Alert rules, as the config file and the alerts page give them, validated here (errors name the
 * field). Each rule watches one kind of signal; a threshold rule names a metric the collector stores
 * (server/metrics/catalogue.ts), and a name it does not store is refused with the list of those it does.
 *
 * Timing follows Prometheus and Grafana: `forSeconds` is how long a condition must hold before the
 * alert fires (Pending), `keepFiringForSeconds` how long it keeps firing once the condition clears
 * (Recovering: a breach in that time goes back to Firing without a new page). A threshold rule may
 * also set `recoverBelow` (or `recoverAbove`), a second line the value must cross before the
 * condition counts as cleared, so a value hovering at the threshold does not flap.
 */
import { z } from 'zod';
import { isMetricName, METRICS } from '../metrics/catalogue';

export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

/** The signals the monitor produces itself, besides metric thresholds. */
export const AVAILABILITY_KINDS = [
  'node-down',
  'node-not-answering',
  'agent-unreachable',
  'cluster-unreachable',
] as const;

const ruleBase = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, starting with a letter or digit'),
  name: z.string().trim().min(1).max(200),
  severity: severitySchema,
  enabled: z.boolean().default(true),
  /** The clusters it applies to; every configured cluster when left out. */
  clusters: z.array(z.string().min(1)).max(1000).optional(),
  forSeconds: z.number().int().min(0).max(86_400).default(0),
  keepFiringForSeconds: z.number().int().min(0).max(86_400).default(0),
});

const availabilityRule = ruleBase.extend({
  kind: z.enum(AVAILABILITY_KINDS),
});

const schemaRule = ruleBase.extend({
  kind: z.literal('schema-disagreement'),
});

/**
 * A table not fully repaired within its gc_grace_seconds (by Ringside's own repair runs: see
 * server/repair/gc-grace.ts), one alert per table, labelled with its keyspace and table.
 */
const repairRule = ruleBase.extend({
  kind: z.literal('repair-overdue'),
});

const metricName = z.string().superRefine((name, ctx) => {
  if (!isMetricName(name))
    ctx.addIssue({
      code: 'custom',
      message: `no metric "${name}" is collected; collected: ${Object.keys(METRICS).join(', ')}, and table:<keyspace>.<table>:<sstables|write.rate|write.p99|read.rate|read.p99>`,
    });
});

const thresholdRule = ruleBase
  .extend({
    kind: z.literal('metric-threshold'),
    metric: metricName,
    /** Fires when the value is above (`>`) or below (`<`) the threshold. */
    op: z.enum(['>', '<']),
    threshold: z.number().finite(),
    /** Cleared only once the value is back past this line (hysteresis); the threshold itself when left out. */
    recoverAt: z.number().finite().optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.recoverAt === undefined) return;
    const wrongSide = rule.op === '>' ? rule.recoverAt > rule.threshold : rule.recoverAt < rule.threshold;
    if (wrongSide)
      ctx.addIssue({
        code: 'custom',
        path: ['recoverAt'],
        message: `must be on the healthy side of the threshold: ${rule.op === '>' ? 'at most' : 'at least'} ${rule.threshold}`,
      });
  });

export const alertRuleSchema = z.discriminatedUnion('kind', [availabilityRule, schemaRule, repairRule, thresholdRule]);
export type AlertRule = z.infer<typeof alertRuleSchema>;
export type AlertRuleInput = z.input<typeof alertRuleSchema>;
export type ThresholdRule = Extract<AlertRule, { kind: 'metric-threshold' }>;

export function ruleAppliesTo(rule: AlertRule, clusterId: string): boolean {
  return rule.enabled && (rule.clusters === undefined || rule.clusters.includes(clusterId));
}
