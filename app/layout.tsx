import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { ThemeProvider } from 'next-themes';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { ThemeToggle } from '@/components/shell/theme-toggle';
import { TRPCReactProvider } from '@/components/trpc/react';
import { isConsoleAdmin, roleOn } from '@/lib/roles';
import { currentPrincipal } from '@/server/auth/page-guard';
import { config } from '@/server/config';
import { nonceOf } from '@/server/http/content-security-policy';
import './globals.css';

export const metadata: Metadata = {
  title: 'Ringside',
  description: 'Operations console for Apache Cassandra',
};

export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const principal = await currentPrincipal();
  // next-themes sets the theme's class before the first paint with an inline script: it carries this
  // response's CSP nonce (proxy.ts), as Next.js's own scripts do.
  const nonce = nonceOf((await headers()).get('content-security-policy'));
  const sidebarOpen = (await cookies()).get('sidebar_state')?.value !== 'false';
  // Only the clusters this user holds a role on, and the admin pages only for a console administrator:
  // what the session already says; the pages and procedures check again.
  const clusters = principal
    ? config()
        .clusters.filter((c) => roleOn(principal.grants, c.id) !== null)
        .map((c) => ({ id: c.id, name: c.name ?? c.id }))
    : [];
  return (
    // next-themes changes <html>'s class and color-scheme before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <body>
        <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
          {principal ? (
            // The provider holds the shell too: its command palette asks search.index.
            <TRPCReactProvider>
              <AppShell
                clusters={clusters}
                consoleAdmin={isConsoleAdmin(principal.grants)}
                email={principal.email}
                sidebarOpen={sidebarOpen}
              >
                {children}
              </AppShell>
            </TRPCReactProvider>
          ) : (
            <>
              <header className="flex h-12 items-center justify-between border-b px-4">
                <span className="font-semibold">Ringside</span>
                <ThemeToggle />
              </header>
              <main className="page">
                <TRPCReactProvider>{children}</TRPCReactProvider>
              </main>
            </>
          )}
        </ThemeProvider>
      </body>
    </html>
  );
}
