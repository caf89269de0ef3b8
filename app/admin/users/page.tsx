import Link from 'next/link';
import { UsersAdmin } from '@/components/admin/users-admin';
import { ErrorBox } from '@/components/ui/error-box';
import { consoleAdminRefusal } from '@/server/auth/access';
import { signedInOrLogin } from '@/server/auth/page-guard';
import { config } from '@/server/config';

export const dynamic = 'force-dynamic';

/** Console administrators only; anyone else is told why rather than shown an empty page (the procedures refuse them too). */
export default async function UsersPage() {
  const principal = await signedInOrLogin();
  const refusal = consoleAdminRefusal(principal);
  if (refusal)
    return (
      <>
        <h2>Users</h2>
        <ErrorBox title="Only a console administrator manages users:" error={refusal} testId="admin-required" />
        <p className="muted">
          Ask one to change your grants. The <Link href="/admin/audit">audit log</Link> is open to you.
        </p>
      </>
    );
  const clusters = config().clusters.map((c) => ({ id: c.id, name: c.name ?? c.id }));
  return (
    <>
      <h2>Users</h2>
      <UsersAdmin clusters={clusters} currentUserId={principal.userId} />
    </>
  );
}
