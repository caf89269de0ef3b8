import 'server-only';
/**
 * tRPC initialisation: the context every procedure sees, and the base procedures. Only these leave
 * this file; every cluster error becomes a TRPCError in one middleware (cluster/errors.ts), and every
 * mutation passes the one same-origin guard (http/same-origin.ts). The login work plugs in here: the
 * session joins the context, and role procedures derive from `publicProcedure` / `clusterProcedure`.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import { toTRPCError } from './cluster/errors';
import { clusterInput } from './cluster/cluster-input';
import { clusterConfig } from './cluster/registry';
import { crossSiteReason } from './http/same-origin';

export interface Context {
  /** The request's headers; empty for server-side callers (tests, start-up work). */
  headers: Headers;
  /** Names the request in logs, and in the response's `x-request-id`. */
  requestId: string;
}

export function createContext({ headers, requestId }: { headers: Headers; requestId?: string }): Context {
  return { headers, requestId: requestId ?? crypto.randomUUID() };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  sse: {
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 20_000 },
  },
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError:
          error.cause instanceof ZodError ? error.cause.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : null,
      },
    };
  },
});

const mapClusterErrors = t.middleware(async ({ next }) => {
  const result = await next();
  // Anything the handlers throw arrives wrapped as INTERNAL_SERVER_ERROR; typed cluster errors get their own code.
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && result.error.cause)
    throw toTRPCError(result.error.cause);
  return result;
});

/**
 * tRPC 11 refuses form and text/plain posts already (415), but a guard that depends on that detail is
 * one upgrade away from gone: a mutation from another site's page is refused here, by name.
 */
const sameOriginMutations = t.middleware(({ type, ctx, next }) => {
  if (type === 'mutation') {
    const reason = crossSiteReason(ctx.headers);
    if (reason) throw new TRPCError({ code: 'FORBIDDEN', message: reason });
  }
  return next();
});

export { clusterInput };

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapClusterErrors).use(sameOriginMutations);

/**
 * A procedure about one configured cluster: its input carries `clusterId`, resolved once here — an
 * unknown id is NOT_FOUND naming the configured ones — and the cluster's configuration is `ctx.cluster`.
 */
export const clusterProcedure = publicProcedure.use(async ({ getRawInput, next }) => {
  // Read from the raw input: each procedure still declares its whole input (clusterInput.extend(...)),
  // which keeps the client's input types exact.
  const parsed = clusterInput.safeParse(await getRawInput());
  if (!parsed.success)
    throw new TRPCError({ code: 'BAD_REQUEST', message: z.prettifyError(parsed.error), cause: parsed.error });
  return next({ ctx: { cluster: clusterConfig(parsed.data.clusterId) } });
});
