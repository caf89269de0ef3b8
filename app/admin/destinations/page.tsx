import Link from 'next/link';
import { DestinationsAdmin } from '@/components/alerts/destinations-admin';
import { ErrorBox } from '@/components/ui/error-box';
import { consoleAdminRefusal } from '@/server/auth/access';
import { signedInOrLogin } from '@/server/auth/page-guard';

export const dynamic = 'force-dynamic';

/** Console administrators only; anyone else is told why rather than shown an empty page (the procedures refuse them too). */
export default async function DestinationsPage() {
  const principal = await signedInOrLogin();
  const refusal = consoleAdminRefusal(principal);
  if (refusal)
    return (
      <>
        <h2>Notification destinations</h2>
        <ErrorBox
          title="Only a console administrator manages notification destinations:"
          error={refusal}
          testId="admin-required"
        />
        <p className="muted">
          Each cluster&apos;s <Link href="/">alerts page</Link> shows its incidents to everyone with a role on it.
        </p>
      </>
    );
  return (
    <>
      <h2>Notification destinations</h2>
      <p className="muted">
        Where incidents (alert.firing, alert.resolved) and operations are sent. Webhooks are signed as Standard Webhooks
        describe; every delivery and attempt is kept below.
      </p>
      <DestinationsAdmin />
    </>
  );
}
