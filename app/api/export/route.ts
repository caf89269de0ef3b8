import { z } from 'zod';
import { exportRows, type ExportRequest } from '@/server/query/export-rows';
import { exportRequestSchema } from '@/server/query/export-request';
import { toTRPCError } from '@/server/cluster/errors';
import { clusterConfig } from '@/server/cluster/registry';

export const dynamic = 'force-dynamic';

/**
 * A result exported whole, as a file download. This is a plain route rather than a tRPC procedure
 * because a browser saves a streamed HTTP body as a file; the work itself is in server/query.
 */
export async function POST(request: Request) {
  const parsed = exportRequestSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: z.prettifyError(parsed.error) }, { status: 400 });
  const input: ExportRequest = parsed.data;
  const progress = { rows: 0 };
  let chunks: AsyncGenerator<string>;
  let firstChunk: IteratorResult<string>;
  try {
    clusterConfig(input.clusterId);
    chunks = exportRows(input, progress, request.signal);
    // The first page decides between an error response and a download: a bad statement is reported, not saved as a file.
    firstChunk = await chunks.next();
  } catch (error) {
    const mapped = toTRPCError(error);
    return Response.json({ error: mapped.message }, { status: mapped.code === 'NOT_FOUND' ? 404 : 400 });
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!firstChunk.done) controller.enqueue(encoder.encode(firstChunk.value));
      else controller.close();
    },
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const extension = input.format === 'csv' ? 'csv' : 'json';
  return new Response(body, {
    headers: {
      'content-type': input.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="ringside-export.${extension}"`,
      'cache-control': 'no-store',
    },
  });
}
