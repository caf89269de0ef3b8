import { z } from 'zod';
import { auditCsv, auditFilterSchema } from '@/server/audit/audit-log';
import { auditReaderOf } from '@/server/audit/audit-reader';
import { guardRoute } from '@/server/auth/route-guard';
import { REQUEST_ID_HEADER, requestIdOf } from '@/server/log/request-id';

export const dynamic = 'force-dynamic';

const numberParam = z.coerce.number().int().optional();
/** The same filter as `audit.list`, from the query string, e.g. `?user=ana&outcome=refused&limit=10000`. */
const queryFilter = auditFilterSchema.extend({
  from: numberParam,
  to: numberParam,
  beforeId: numberParam,
  limit: z.coerce.number().int().min(1).max(10_000).default(10_000),
});

/** The audit log as CSV, as much of it as the user reads (audit-reader.ts): a plain route because a browser saves it as a file. */
export async function GET(request: Request) {
  const requestId = requestIdOf(request);
  const idHeader = { [REQUEST_ID_HEADER]: requestId };
  const guard = await guardRoute(request.headers, 'signed-in', idHeader);
  if (guard.refusal) return guard.refusal;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = queryFilter.safeParse(params);
  if (!filter.success)
    return Response.json({ error: z.prettifyError(filter.error), requestId }, { status: 400, headers: idHeader });
  const body = [...auditCsv(filter.data, auditReaderOf(guard.principal))].join('');
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="ringside-audit.csv"',
      'cache-control': 'no-store',
      ...idHeader,
    },
  });
}
