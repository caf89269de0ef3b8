import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { TRPCReactProvider } from '@/components/trpc/react';
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
          <Link href="/">Ringside</Link>
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
