import 'server-only';
/**
 * For server-rendered pages: who is signed in, or a redirect to the login page. The data itself is
 * guarded by the procedures; this keeps a page from rendering what it reads on the server (cluster
 * names, contact points) for someone who is not signed in or holds no role on the cluster.
 */
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { roleOn, type Role } from '@/lib/roles';
import { principalOf, type Principal } from './principal';

export async function signedInOrLogin(): Promise<Principal> {
  const lookup = await principalOf(await headers());
  if (!lookup.principal) redirect('/login');
  return lookup.principal;
}

/** The user's role on the cluster; a cluster they hold no role on is not found, as an unknown one. */
export async function roleOnClusterOrNotFound(clusterId: string): Promise<{ principal: Principal; role: Role }> {
  const principal = await signedInOrLogin();
  const role = roleOn(principal.grants, clusterId);
  if (role === null) notFound();
  return { principal, role };
}

/** The signed-in user for the page header, or null (the login page itself). */
export async function currentPrincipal(): Promise<Principal | null> {
  return (await principalOf(await headers())).principal;
}
