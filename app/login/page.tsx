import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { currentPrincipal } from '@/server/auth/page-guard';

export const dynamic = 'force-dynamic';

export default async function LoginPage() {
  if (await currentPrincipal()) redirect('/');
  return <LoginForm />;
}
