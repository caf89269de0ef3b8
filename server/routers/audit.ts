import 'server-only';
/**
 * The audit log: a console administrator reads all of it; anyone else their own entries and those of
 * the clusters they administer. Its CSV is the plain route /api/audit.
 */
import { auditFilterSchema, listAudit } from '../audit/audit-log';
import { auditReaderOf } from '../audit/audit-reader';
import { createTRPCRouter, signedInProcedure } from '../trpc';

export const auditRouter = createTRPCRouter({
  list: signedInProcedure
    .input(auditFilterSchema)
    .query(({ input, ctx }) => listAudit(input, auditReaderOf(ctx.principal))),
});
