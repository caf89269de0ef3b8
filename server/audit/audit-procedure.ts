import 'server-only';
/**
 * What the audit log keeps of a tRPC call: every refusal of a signed-in caller (their role was too
 * low, the cluster not theirs, another site's page) and every refused mutation, whoever sent it; and
 * every mutation that ran, with how it ended — unless the procedure says it changes nothing worth
 * keeping (`audit: 'never'`, e.g. fetching the rest of a page) or keeps only some calls
 * (`audit: (input) => boolean`, e.g. workbench statements that write). Anonymous refused queries are
 * not kept: a scanner could otherwise fill the disk.
 */
import { roleOn, isConsoleAdmin } from '@/lib/roles';
import type { PrincipalLookup } from '../auth/principal';
import { emailOfUser } from '../auth/session-rows';
import { logger } from '../log/logger';
import { recordAudit, type AuditOutcome } from './audit-log';
import { requestOrigin } from './request-origin';

export type AuditWhen = 'mutations' | 'never' | ((rawInput: unknown) => boolean);

/** The parts of the tRPC context the audit reads (the context itself lives in trpc.ts, which calls this). */
interface CallContext {
  headers: Headers;
  requestId: string;
  principal(): Promise<PrincipalLookup>;
}

type CallResult = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

const log = logger('audit');

const REFUSALS = new Set(['UNAUTHORIZED', 'FORBIDDEN']);

function field(input: unknown, key: string): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const value = (input as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

/** A procedure that answers `{ ok: false, error }` (the workbench) failed, though the call succeeded. */
function reportedFailure(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || (data as { ok?: unknown }).ok !== false) return null;
  const error = (data as { error?: { message?: unknown } }).error;
  return typeof error?.message === 'string' ? error.message : 'failed';
}

export async function auditProcedureCall({
  ctx,
  path,
  type,
  when = 'mutations',
  rawInput,
  result,
}: {
  ctx: CallContext;
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  when: AuditWhen | undefined;
  rawInput: unknown;
  result: CallResult;
}): Promise<void> {
  const refused = !result.ok && REFUSALS.has(result.error.code);
  const lookup = await ctx.principal().catch(() => ({ principal: null }));
  const principal = lookup.principal;
  const keep = refused
    ? principal !== null || type === 'mutation'
    : type === 'mutation' && (typeof when === 'function' ? when(rawInput) : when === 'mutations');
  if (!keep) return;
  const cluster = field(rawInput, 'clusterId');
  const failure = result.ok ? reportedFailure(result.data) : result.error.message;
  const outcome: AuditOutcome = refused ? 'refused' : failure === null ? 'ok' : 'failed';
  // A change to a user names that user by email: the id alone says nothing to whoever reads the log.
  const userId = field(rawInput, 'userId');
  const target = [
    userId === null ? null : `user ${emailOfUser(userId) ?? userId}`,
    field(rawInput, 'keyspace'),
    field(rawInput, 'table'),
    field(rawInput, 'node') ?? field(rawInput, 'address'),
  ]
    .filter((part) => part !== null)
    .join('.');
  const { clusterId: _cluster, ...params } = (
    typeof rawInput === 'object' && rawInput !== null ? rawInput : {}
  ) as Record<string, unknown>;
  try {
    recordAudit({
      userId: principal?.userId ?? null,
      userEmail: principal?.email ?? null,
      role: principal
        ? cluster
          ? (roleOn(principal.grants, cluster) ?? 'none')
          : isConsoleAdmin(principal.grants)
            ? 'console-admin'
            : 'signed-in'
        : 'anonymous',
      ...requestOrigin(ctx.headers),
      action: path,
      cluster,
      target: target || null,
      params,
      outcome,
      detail: failure,
      requestId: ctx.requestId,
    });
  } catch (error) {
    // The call itself already ran: failing it now would hide what it did. The log says the entry is missing.
    log.error({ err: error, path, requestId: ctx.requestId }, `audit entry lost: ${(error as Error).message}`);
  }
}
