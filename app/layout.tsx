import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { TRPCReactProvider } from '@/components/trpc/react';
import { isConsoleAdmin } from '@/lib/roles';
import { currentPrincipal } from '@/server/auth/page-guard';
import './globals.css';

export const metadata: Metadata = {
  title: 'Ringside',
  description: 'Operations console for Apache Cassandra',
};

export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const principal = await currentPrincipal();
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <span className="topbar-nav">
            <Link href="/">Ringside</Link>
            {principal && (
              // Users only for console administrators (the page and its procedures refuse anyone else);
              // the audit log for everyone signed in, each reading what the server lets them.
              <nav className="topbar-links" aria-label="Console">
                {isConsoleAdmin(principal.grants) && (
                  <Link href="/admin/users" data-testid="nav-users">
                    Users
                  </Link>
                )}
                <Link href="/admin/audit" data-testid="nav-audit">
                  Audit
                </Link>
              </nav>
            )}
          </span>
          {principal && (
            <span className="topbar-user">
              <span data-testid="current-user">{principal.email}</span> <SignOutButton />
            </span>
          )}
        </header>
        <main>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </main>
      </body>
    </html>
  );
}
