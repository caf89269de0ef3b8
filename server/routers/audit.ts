import 'server-only';
/** The audit log, for the console's administrators; its CSV is the plain route /api/audit. */
import { auditFilterSchema, listAudit } from '../audit/audit-log';
import { consoleAdminProcedure, createTRPCRouter } from '../trpc';

export const auditRouter = createTRPCRouter({
  list: consoleAdminProcedure.input(auditFilterSchema).query(({ input }) => listAudit(input)),
});
