import 'server-only';
/**
 * Notification destinations (webhooks, Slack, PagerDuty) and their delivery log, for the console's
 * administrators. Secrets: a webhook's signing secret is returned by `create` and `rotateSecret` only,
 * once; a Slack URL and a PagerDuty routing key are input under `credentials`, which the audit log
 * blanks; every other answer shows the last four characters. docs/webhooks.md.
 */
import { TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import { config } from '../config';
import { createDestinationSchema, publicView, updateDestinationSchema } from '../notify/destination';
import { listDestinations } from '../notify/destination-store';
import {
  createDestination,
  DestinationError,
  dropOldSecret,
  removeDestination,
  replayDelivery,
  rotateSecret,
  sendTest,
  updateDestination,
} from '../notify/destinations';
import { DELIVERY_STATES, deliveryCounts, listDeliveries } from '../notify/outbox-store';
import { getStore } from '../store';
import { consoleAdminProcedure, createTRPCRouter } from '../trpc';

const byId = z.object({ id: z.string().min(1).max(100) });

/** The domain's refusals as tRPC errors; a zod error from the domain names the field. */
function run<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof DestinationError)
      throw new TRPCError({ code: error.kind === 'not-found' ? 'NOT_FOUND' : 'BAD_REQUEST', message: error.message });
    if (error instanceof ZodError)
      throw new TRPCError({ code: 'BAD_REQUEST', message: z.prettifyError(error), cause: error });
    throw error;
  }
}

export const destinationsRouter = createTRPCRouter({
  list: consoleAdminProcedure.query(() => {
    const store = getStore();
    const counts = deliveryCounts(store);
    return listDestinations(store).map((d) => ({ ...publicView(d), deliveries: counts.get(d.id) ?? {} }));
  }),

  /** For a webhook, `secret` is its signing secret: shown this once. */
  create: consoleAdminProcedure
    .input(createDestinationSchema)
    .mutation(({ input }) => run(() => createDestination(getStore(), input, config().notify))),

  update: consoleAdminProcedure
    .input(updateDestinationSchema)
    .mutation(({ input }) => run(() => updateDestination(getStore(), input, config().notify))),

  /** A new signing secret (returned once); the previous one keeps signing too until dropOldSecret. */
  rotateSecret: consoleAdminProcedure
    .input(byId)
    .mutation(({ input }) => run(() => rotateSecret(getStore(), input.id))),

  dropOldSecret: consoleAdminProcedure
    .input(byId)
    .mutation(({ input }) => run(() => dropOldSecret(getStore(), input.id))),

  remove: consoleAdminProcedure.input(byId).mutation(({ input }) =>
    run(() => {
      removeDestination(getStore(), input.id);
      return { removed: true };
    }),
  ),

  /** Queues a `test.ping` to this destination alone; its delivery shows in `deliveries`. */
  sendTest: consoleAdminProcedure.input(byId).mutation(({ input }) => run(() => sendTest(getStore(), input.id))),

  /** Newest first, each with its latest attempts: status, latency, error, the receiver's answer (≤ 500 characters). */
  deliveries: consoleAdminProcedure
    .input(
      byId.extend({
        state: z.enum(DELIVERY_STATES).optional(),
        beforeId: z.number().int().optional(),
        limit: z.number().int().min(1).max(500).default(50),
      }),
    )
    .query(({ input }) =>
      listDeliveries(getStore(), {
        destinationId: input.id,
        state: input.state,
        beforeId: input.beforeId,
        limit: input.limit,
        attemptsEach: 20,
      }),
    ),

  /** Sends a finished delivery (delivered, failed or dead) again, with the same webhook-id. */
  replay: consoleAdminProcedure
    .input(z.object({ deliveryId: z.number().int() }))
    .mutation(({ input }) => run(() => replayDelivery(getStore(), input.deliveryId))),
});
