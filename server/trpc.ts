import 'server-only';
/**
 * tRPC initialisation: the context every procedure sees, and the base procedures every router builds
 * on. Access control lives here and nowhere else: each base procedure names in its meta what it needs
 * (`access`), checks it in middleware, and the guard test (routers/guard.test.ts) walks the root router
 * to prove every procedure refuses whoever lacks it.
 *
 * Middleware order, outermost first: audit (sees every outcome, refusals included) → cluster-error
 * mapping → same-origin guard for mutations → session → the role on the procedure's cluster.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import { roleOn, type Role } from '@/lib/roles';
import { consoleAdminRefusal, roleRefusal } from './auth/access';
import { authErrorToTRPC } from './auth/auth-errors';
import { auditProcedureCall, type AuditWhen } from './audit/audit-procedure';
import { principalOf, type Principal, type PrincipalLookup } from './auth/principal';
import { whileSignedIn } from './auth/while-signed-in';
import { toTRPCError } from './cluster/errors';
import { clusterInput } from './cluster/cluster-input';
import { clusterConfig } from './cluster/registry';
import { crossSiteReason } from './http/same-origin';

export interface Context {
  /** The request's headers; empty for server-side callers. */
  headers: Headers;
  /** Names the request in logs, and in the response's `x-request-id`. */
  requestId: string;
  /** Who sent the request, looked up once, on first use. */
  principal(): Promise<PrincipalLookup>;
  /** Looked up again, as the session is now: a long-lived stream asks this to know it may go on. */
  principalNow(): Promise<PrincipalLookup>;
}

export function createContext({
  headers,
  requestId,
  responseHeaders,
}: {
  headers: Headers;
  requestId?: string;
  /** Receives a refreshed session cookie. */
  responseHeaders?: Headers;
}): Context {
  let lookup: Promise<PrincipalLookup> | undefined;
  return {
    headers,
    requestId: requestId ?? crypto.randomUUID(),
    principal: () => (lookup ??= principalOf(headers, responseHeaders)),
    principalNow: () => principalOf(headers),
  };
}

/** What a procedure requires of its caller; the guard test reads it. */
export type Access = 'signed-in' | Role | 'console-admin';

export interface Meta {
  access?: Access;
  /** Which calls the audit log keeps beyond refusals: every mutation by default. */
  audit?: AuditWhen;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    sse: {
      ping: { enabled: true, intervalMs: 10_000 },
      client: { reconnectAfterInactivityMs: 20_000 },
    },
    errorFormatter({ shape, error }) {
      // An input refused by its schema reads as the fields and what is wrong with them, not zod's JSON.
      const zod = error.cause instanceof ZodError ? error.cause : null;
      return {
        ...shape,
        message: zod ? z.prettifyError(zod) : shape.message,
        data: {
          ...shape.data,
          zodError:
            error.cause instanceof ZodError ? error.cause.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : null,
        },
      };
    },
  });

const audited = t.middleware(async ({ ctx, meta, path, type, getRawInput, next }) => {
  const result = await next();
  await auditProcedureCall({ ctx, path, type, when: meta?.audit, rawInput: await getRawInput(), result });
  return result;
});

const mapClusterErrors = t.middleware(async ({ next }) => {
  const result = await next();
  // Anything the handlers throw arrives wrapped as INTERNAL_SERVER_ERROR; typed cluster errors, and
  // better-auth's refusals (an email taken, no such user), get their own code.
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && result.error.cause)
    throw authErrorToTRPC(result.error.cause) ?? toTRPCError(result.error.cause);
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

const signedIn = t.middleware(async ({ ctx, next, type }) => {
  const lookup = await ctx.principal();
  if (!lookup.principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: lookup.why });
  const result = await next({ ctx: { principal: lookup.principal } });
  if (type !== 'subscription' || !result.ok) return result;
  // A stream outlives the request that opened it: it ends when the session does (while-signed-in.ts).
  const stream = result.data as AsyncIterable<unknown>;
  return {
    ...result,
    data: whileSignedIn(stream, () => ctx.principalNow().then((now) => (now.principal ? null : now.why))),
  };
});

/** Open to anyone: nothing in the root router uses it (the guard test checks); only the login page's own route is open. */
const openProcedure = t.procedure.use(audited).use(mapClusterErrors).use(sameOriginMutations);

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export { clusterInput };

/** Any signed-in user; what it returns is filtered to the clusters they hold a role on. */
export const signedInProcedure = openProcedure.meta({ access: 'signed-in' }).use(signedIn);

/** The console's administrators (admin on every cluster): users, the audit log. */
export const consoleAdminProcedure = openProcedure
  .meta({ access: 'console-admin' })
  .use(signedIn)
  .use(({ ctx, next }) => {
    const refusal = consoleAdminRefusal(ctx.principal);
    if (refusal) throw new TRPCError({ code: 'FORBIDDEN', message: refusal });
    return next();
  });

/**
 * A procedure about one configured cluster, for callers holding `role` on it: the input carries
 * `clusterId`, resolved once here (an unknown id is NOT_FOUND naming the configured ones, and only
 * after the role is checked, so an outsider learns nothing), and the cluster is `ctx.cluster`.
 */
function clusterRoleProcedure(role: Role) {
  return openProcedure
    .meta({ access: role })
    .use(signedIn)
    .use(async ({ ctx, getRawInput, next }) => {
      // Read from the raw input: each procedure still declares its whole input (clusterInput.extend(...)),
      // which keeps the client's input types exact.
      const parsed = clusterInput.safeParse(await getRawInput());
      if (!parsed.success)
        throw new TRPCError({ code: 'BAD_REQUEST', message: z.prettifyError(parsed.error), cause: parsed.error });
      const refusal = roleRefusal(role, parsed.data.clusterId, ctx.principal);
      if (refusal) throw new TRPCError({ code: 'FORBIDDEN', message: refusal });
      return next({
        ctx: {
          cluster: clusterConfig(parsed.data.clusterId),
          role: roleOn(ctx.principal.grants, parsed.data.clusterId)!,
        },
      });
    });
}

export const viewerProcedure = clusterRoleProcedure('viewer');
export const operatorProcedure = clusterRoleProcedure('operator');
export const adminProcedure = clusterRoleProcedure('admin');

/** For a procedure whose need depends on its input (a workbench statement that writes): the same words as the middleware. */
export function requireRoleOn(role: Role, clusterId: string, principal: Principal): void {
  const refusal = roleRefusal(role, clusterId, principal);
  if (refusal) throw new TRPCError({ code: 'FORBIDDEN', message: refusal });
}
