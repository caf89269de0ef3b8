import 'server-only';
/**
 * Alerts: the live view of a cluster's incidents (viewers), its silences (operators make and end
 * them), and the rules (console administrators change them; everyone signed in reads them).
 */
import { tracked, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { deleteUiRule, getIncident, incidentFilterSchema, listIncidents, saveUiRule } from '../alerts/alert-store';
import {
  alertsViewPoller,
  createSilence,
  endSilence,
  reevaluate,
  SilenceScopeError,
  silencesOf,
} from '../alerts/alerts-view';
import { alertRuleSchema } from '../alerts/rule-schema';
import { configRuleIds, rulesInForce } from '../alerts/rules';
import { silenceInputSchema } from '../alerts/silences';
import { config } from '../config';
import { METRICS } from '../metrics/catalogue';
import { getStore } from '../store';
import {
  clusterInput,
  consoleAdminProcedure,
  createTRPCRouter,
  operatorProcedure,
  signedInProcedure,
  viewerProcedure,
} from '../trpc';

const allClusterIds = () => config().clusters.map((c) => c.id);

export const alertsRouter = createTRPCRouter({
  /** Open incidents with their alerts and muted children, node verdicts and silences, live. */
  live: viewerProcedure
    .input(clusterInput.extend({ lastEventId: z.string().nullish() }))
    .subscription(async function* ({ input, ctx, signal }) {
      for await (const view of alertsViewPoller(ctx.cluster.id).stream(signal, input.lastEventId))
        yield tracked(view.id, view.value);
    }),

  current: viewerProcedure
    .input(clusterInput)
    .query(async ({ ctx }) => (await alertsViewPoller(ctx.cluster.id).fresh()).value),

  /** Incidents, newest first, open and past. */
  incidents: viewerProcedure
    .input(clusterInput.extend(incidentFilterSchema.omit({ clusterId: true }).shape))
    .query(({ input, ctx }) => listIncidents(getStore(), { ...input, clusterId: ctx.cluster.id })),

  incident: viewerProcedure.input(clusterInput.extend({ id: z.string().min(1).max(100) })).query(({ input, ctx }) => {
    const incident = getIncident(getStore(), input.id);
    if (!incident || incident.clusterId !== ctx.cluster.id)
      throw new TRPCError({ code: 'NOT_FOUND', message: `no incident ${input.id} on cluster ${ctx.cluster.id}` });
    return incident;
  }),

  silences: viewerProcedure.input(clusterInput).query(({ ctx }) => silencesOf(ctx.cluster.id)),

  createSilence: operatorProcedure
    .input(clusterInput.extend({ silence: silenceInputSchema }))
    .mutation(({ input, ctx }) => {
      try {
        return createSilence(ctx.cluster.id, input.silence, ctx.principal.email);
      } catch (error) {
        if (error instanceof SilenceScopeError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
        throw error;
      }
    }),

  expireSilence: operatorProcedure
    .input(clusterInput.extend({ id: z.string().min(1).max(100) }))
    .mutation(({ input, ctx }) => {
      if (!endSilence(ctx.cluster.id, input.id))
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `no running silence ${input.id} on cluster ${ctx.cluster.id} (it may have ended already)`,
        });
      return { expired: true };
    }),

  /** The rules in force and where each comes from; metrics a threshold rule may name. */
  rules: signedInProcedure.query(() => ({
    rules: rulesInForce(),
    metrics: Object.entries(METRICS).map(([name, info]) => ({ name, ...info })),
  })),

  /** Adds or replaces a rule (a starter rule may be replaced; a config file's may not). */
  saveRule: consoleAdminProcedure.input(z.object({ rule: alertRuleSchema })).mutation(({ input, ctx }) => {
    if (configRuleIds().has(input.rule.id))
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `rule "${input.rule.id}" comes from the configuration file: change it there`,
      });
    const unknown = (input.rule.clusters ?? []).filter((c) => !allClusterIds().includes(c));
    if (unknown.length)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `rule.clusters: no cluster ${unknown.join(', ')} is configured; configured: ${allClusterIds().join(', ')}`,
      });
    saveUiRule(getStore(), input.rule, ctx.principal.email, Date.now());
    reevaluate(allClusterIds());
    return input.rule;
  }),

  deleteRule: consoleAdminProcedure.input(z.object({ id: z.string().min(1).max(100) })).mutation(({ input }) => {
    if (!deleteUiRule(getStore(), input.id))
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `no rule "${input.id}" was added in the console (starter and configuration rules are not deleted here)`,
      });
    reevaluate(allClusterIds());
    return { deleted: true };
  }),
});
