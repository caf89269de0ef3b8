import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '@/server/audit/audit-log';
import { requestOrigin } from '@/server/audit/request-origin';
import { roleRefusal } from '@/server/auth/access';
import { guardRoute } from '@/server/auth/route-guard';
import { toTRPCError } from '@/server/cluster/errors';
import { clusterConfig } from '@/server/cluster/registry';
import { BodyTooLargeError, limitBody, MAX_BODY_BYTES, tooLargeResponse } from '@/server/http/body-limit';
import { crossSiteReason } from '@/server/http/same-origin';
import { logger } from '@/server/log/logger';
import { REQUEST_ID_HEADER, requestIdOf } from '@/server/log/request-id';
import { finishExport, trackExport } from '@/server/query/export/export-progress';
import { exportRequestSchema } from '@/server/query/export/export-request';
import { exportRows } from '@/server/query/export/export-rows';
import { EXPORT_EXTENSION } from '@/lib/cql/export-dialects';

export const dynamic = 'force-dynamic';

const baseLog = logger('export');

/** The page submits a form (`request` = the JSON), so the browser saves the stream straight to disk; scripts may post JSON. */
async function requestBody(request: Request): Promise<unknown> {
  // A body cut off for its size is a 413, not an invalid request: only other parse failures become null.
  const unlessTooLarge = (error: unknown) => {
    if (error instanceof BodyTooLargeError) throw error;
    return null;
  };
  if ((request.headers.get('content-type') ?? '').includes('application/json'))
    return request.json().catch(unlessTooLarge);
  const form = await request.formData().catch(unlessTooLarge);
  const field = form?.get('request');
  if (typeof field !== 'string') return null;
  try {
    return JSON.parse(field);
  } catch {
    return null;
  }
}

/**
 * A result exported whole, as a file download. This is a plain route rather than a tRPC procedure
 * because a browser saves a streamed HTTP body as a file; the work itself is in server/query, and
 * `query.exportProgress` reports on it.
 */
export async function POST(original: Request) {
  const requestId = requestIdOf(original);
  const idHeader = { [REQUEST_ID_HEADER]: requestId };
  const request = limitBody(original);
  if (request instanceof Response) return tooLargeResponse(MAX_BODY_BYTES, idHeader);
  let log = baseLog.child({ requestId });
  const crossSite = crossSiteReason(request.headers);
  if (crossSite) {
    log.warn({ origin: request.headers.get('origin') }, `cross-site export refused: ${crossSite}`);
    return Response.json(
      { error: `exports are served to the console’s own pages only: ${crossSite}`, requestId },
      { status: 403, headers: idHeader },
    );
  }
  // Signed in before anything is read; the role on the cluster once the request names it.
  const guard = await guardRoute(request.headers, 'signed-in', idHeader);
  if (guard.refusal) return guard.refusal;
  const { principal } = guard;
  let posted: unknown;
  try {
    posted = await requestBody(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse(MAX_BODY_BYTES, idHeader);
    throw error;
  }
  const parsed = exportRequestSchema.safeParse(posted);
  if (!parsed.success) {
    log.info({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'export request refused: invalid');
    return Response.json({ error: z.prettifyError(parsed.error), requestId }, { status: 400, headers: idHeader });
  }
  const { exportId, ...input } = parsed.data;
  const refusal = roleRefusal('viewer', input.clusterId, principal);
  if (refusal) {
    recordAudit({
      userId: principal.userId,
      userEmail: principal.email,
      role: null,
      ...requestOrigin(request.headers),
      action: 'export',
      cluster: input.clusterId,
      target: null,
      params: { statement: input.statement },
      outcome: 'refused',
      detail: refusal,
      requestId,
    });
    return Response.json({ error: refusal, requestId }, { status: 403, headers: idHeader });
  }
  const id = exportId ?? randomUUID();
  const tracked = trackExport(principal.userId, id);
  // The statement is not logged: it and its bound values can hold anything, passwords included.
  log = log.child({ exportId: id, clusterId: input.clusterId, dialect: input.dialect });
  const started = performance.now();
  const elapsedMs = () => Math.round(performance.now() - started);
  // The browser going away, or Stop in the page, ends the export and its reads from the cluster.
  original.signal.addEventListener('abort', () => tracked.abort.abort());
  let chunks: AsyncGenerator<string>;
  let firstChunk: IteratorResult<string>;
  try {
    clusterConfig(input.clusterId);
    chunks = exportRows(input, tracked, tracked.abort.signal);
    // The first page decides between an error response and a download: a bad statement is reported, not saved as a file.
    firstChunk = await chunks.next();
  } catch (error) {
    const mapped = toTRPCError(error);
    finishExport(tracked, mapped.message);
    // A refused request (a bad statement, an unknown cluster) is the user's to fix: no stack for it.
    const fields = { code: mapped.code, ms: elapsedMs() };
    if (mapped.code === 'INTERNAL_SERVER_ERROR')
      log.error({ ...fields, err: error }, `export failed before the first rows: ${mapped.message}`);
    else log.info(fields, `export refused before the first rows: ${mapped.message}`);
    return Response.json(
      { error: mapped.message, requestId },
      { status: mapped.code === 'NOT_FOUND' ? 404 : 400, headers: idHeader },
    );
  }
  log.info('export started');
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!firstChunk.done) controller.enqueue(encoder.encode(firstChunk.value));
      else {
        finishExport(tracked, null);
        log.info({ rows: tracked.rows, bytes: tracked.bytes, ms: elapsedMs() }, 'export finished');
        controller.close();
      }
    },
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (tracked.abort.signal.aborted) throw new Error(tracked.error ?? 'the export was stopped');
        if (next.done) {
          finishExport(tracked, null);
          log.info({ rows: tracked.rows, bytes: tracked.bytes, ms: elapsedMs() }, 'export finished');
          controller.close();
        } else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        const message = toTRPCError(error).message;
        finishExport(tracked, message);
        log.warn({ err: error, ms: elapsedMs() }, `export failed while streaming: ${message}`);
        controller.error(error);
      }
    },
    async cancel() {
      finishExport(tracked, 'the download was cancelled');
      log.info({ ms: elapsedMs() }, 'export cancelled by the browser');
      await chunks.return(undefined);
    },
  });
  const extension = EXPORT_EXTENSION[input.dialect];
  const contentType = {
    csv: 'text/csv; charset=utf-8',
    json: 'application/json; charset=utf-8',
    jsonl: 'application/jsonl; charset=utf-8',
  }[extension];
  return new Response(body, {
    headers: {
      'content-type': contentType ?? 'application/octet-stream',
      'content-disposition': `attachment; filename="ringside-export.${extension}"`,
      'cache-control': 'no-store',
      ...idHeader,
    },
  });
}
