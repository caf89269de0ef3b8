import { randomUUID } from 'node:crypto';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from 'zod';
import { recordAudit } from '@/server/audit/audit-log';
import { requestOrigin } from '@/server/audit/request-origin';
import { guardRoute } from '@/server/auth/route-guard';
import { clusterConfig } from '@/server/cluster/registry';
import { toTRPCError } from '@/server/cluster/errors';
import { crossSiteReason } from '@/server/http/same-origin';
import { logger } from '@/server/log/logger';
import { REQUEST_ID_HEADER, requestIdOf } from '@/server/log/request-id';
import {
  ImportRefusedError,
  MAX_UPLOAD_BYTES,
  startImport,
  UploadTooLargeError,
} from '@/server/query/import/import-jobs';
import { importRequestFromQuery, importRequestSchema } from '@/server/query/import/import-request';
import { checkTarget } from '@/server/query/import/load-file';

export const dynamic = 'force-dynamic';

const baseLog = logger('import');

/**
 * A file loaded into a table: the settings in the query string, the file as the body. A plain route
 * rather than a tRPC procedure because the browser streams a file as a request body; the work is in
 * server/query/import, and `query.importProgress` reports on it. Answers 202 once the file is
 * received; the load goes on on the server.
 */
export async function POST(request: Request) {
  const requestId = requestIdOf(request);
  const idHeader = { [REQUEST_ID_HEADER]: requestId };
  const log = baseLog.child({ requestId });
  const refuse = (status: number, error: string) => Response.json({ error, requestId }, { status, headers: idHeader });
  const crossSite = crossSiteReason(request.headers);
  if (crossSite) {
    log.warn({ origin: request.headers.get('origin') }, `cross-site import refused: ${crossSite}`);
    return refuse(403, `imports are taken from the console’s own pages only: ${crossSite}`);
  }
  const parsed = importRequestSchema.safeParse(importRequestFromQuery(new URL(request.url).searchParams));
  if (!parsed.success) return refuse(400, z.prettifyError(parsed.error));
  const { importId = randomUUID(), ...settings } = parsed.data;
  // Writing rows is an operator's work, as a statement that writes is in the workbench.
  const guard = await guardRoute(request.headers, { role: 'operator', clusterId: settings.clusterId }, idHeader);
  if (guard.refusal) {
    if (guard.principal)
      recordAudit({
        userId: guard.principal.userId,
        userEmail: guard.principal.email,
        role: null,
        ...requestOrigin(request.headers),
        action: 'import',
        cluster: settings.clusterId,
        target: `${settings.keyspace}.${settings.table}`,
        params: { format: settings.format, importId },
        outcome: 'refused',
        detail: 'the operator role is needed to load rows',
        requestId,
      });
    return guard.refusal;
  }
  const { principal } = guard;
  const audit = (outcome: 'ok' | 'failed' | 'refused', detail: string | null, params: Record<string, unknown> = {}) =>
    recordAudit({
      userId: principal.userId,
      userEmail: principal.email,
      role: null,
      ...requestOrigin(request.headers),
      action: 'import',
      cluster: settings.clusterId,
      target: `${settings.keyspace}.${settings.table}`,
      params: { format: settings.format, importId, ...params },
      outcome,
      detail,
      requestId,
    });
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES)
    return refuse(413, `the file is over the ${MAX_UPLOAD_BYTES / 2 ** 30} GiB an import takes`);
  if (!request.body) return refuse(400, 'no file: the file to load is the request body');
  try {
    clusterConfig(settings.clusterId);
    await checkTarget(settings);
  } catch (error) {
    const mapped = toTRPCError(error);
    if (mapped.code === 'INTERNAL_SERVER_ERROR') log.error({ err: error }, `import refused: ${mapped.message}`);
    const status = { NOT_FOUND: 404, BAD_REQUEST: 400, SERVICE_UNAVAILABLE: 503, BAD_GATEWAY: 502 }[
      mapped.code as string
    ];
    return refuse(status ?? 500, mapped.message);
  }
  const started = performance.now();
  const importLog = log.child({ importId, clusterId: settings.clusterId, format: settings.format });
  try {
    await startImport(
      principal.userId,
      importId,
      settings,
      request.body as unknown as WebReadableStream<Uint8Array>,
      (status) => {
        const fields = {
          rowsLoaded: status.rowsLoaded,
          rowsRejected: status.rowsRejected,
          lines: status.lines,
          bytes: status.bytesRead,
          ms: Math.round(performance.now() - started),
        };
        importLog.info({ ...fields, state: status.state }, `import ${status.state}`);
        audit(status.state === 'done' ? 'ok' : 'failed', status.error, {
          ...fields,
          stage: 'ended',
          state: status.state,
        });
      },
    );
  } catch (error) {
    const message = toTRPCError(error).message;
    if (error instanceof ImportRefusedError) {
      importLog.info(`import refused: ${message}`);
      return refuse(message.includes('already sent') ? 409 : 429, message);
    }
    if (error instanceof UploadTooLargeError) return refuse(413, message);
    // The console's own disk (full, not writable) is the console's fault, not the sender's.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && code !== 'ECONNRESET') {
      importLog.error({ err: error }, `import upload could not be stored: ${message}`);
      audit('failed', `the file could not be stored: ${message}`);
      return refuse(code === 'ENOSPC' ? 507 : 500, `the console could not store the file (${code}): ${message}`);
    }
    importLog.warn({ err: error }, `import upload failed: ${message}`);
    audit('failed', `the file was not received whole: ${message}`);
    return refuse(400, `the file was not received whole: ${message}`);
  }
  importLog.info('import file received, loading');
  audit('ok', 'file received, loading', { stage: 'started' });
  return Response.json({ importId, requestId }, { status: 202, headers: idHeader });
}
