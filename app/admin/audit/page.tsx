import { AuditLogView, type AuditScope } from '@/components/admin/audit-log-view';
import { roleOn } from '@/lib/roles';
import { auditReaderOf } from '@/server/audit/audit-reader';
import { signedInOrLogin } from '@/server/auth/page-guard';
import { config } from '@/server/config';

export const dynamic = 'force-dynamic';

/** Every signed-in user: `audit.list` returns only what each may read, and the page says what that is. */
export default async function AuditPage() {
  const principal = await signedInOrLogin();
  const reader = auditReaderOf(principal);
  const scope: AuditScope =
    reader === 'everything' ? { everything: true } : { everything: false, adminOf: reader.adminOf };
  const clusterIds = config()
    .clusters.filter((c) => roleOn(principal.grants, c.id) !== null)
    .map((c) => c.id);
  return (
    <>
      <h2>Audit log</h2>
      <AuditLogView scope={scope} clusterIds={clusterIds} />
    </>
  );
}
