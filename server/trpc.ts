import 'server-only';
/**
 * tRPC initialisation. Only the router factory, the caller factory and the base procedures leave
 * this file; every cluster error becomes a TRPCError in one middleware (cluster/errors.ts).
 */
import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { toTRPCError } from './cluster/errors';

export interface Context {
  /** Where the request came from, for logs; empty for server-side callers. */
  origin: string;
}

export function createContext(request?: Request): Context {
  return { origin: request?.headers.get('x-forwarded-for') ?? 'local' };
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

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapClusterErrors);
