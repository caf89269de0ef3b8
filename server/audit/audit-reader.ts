import 'server-only';
import { EVERY_CLUSTER, isConsoleAdmin } from '@/lib/roles';
import type { Principal } from '../auth/principal';
import type { AuditReader } from './audit-log';

/** What of the audit log this user reads (see AuditReader). */
export function auditReaderOf(principal: Principal): AuditReader {
  if (isConsoleAdmin(principal.grants)) return 'everything';
  return {
    userId: principal.userId,
    adminOf: principal.grants.filter((g) => g.role === 'admin' && g.cluster !== EVERY_CLUSTER).map((g) => g.cluster),
  };
}
