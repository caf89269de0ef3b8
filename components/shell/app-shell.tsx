'use client';
/**
 * Every signed-in page: the sidebar, a header with the sidebar toggle, the breadcrumbs, the theme
 * choice and who is signed in, and the page itself.
 */
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { CommandPalette } from '@/components/search/command-palette';
import { Separator } from '@/components/ui/separator';
import { SidebarInset, SidebarProvider, SidebarTrigger } from '@/components/ui/sidebar';
import { Toaster } from '@/components/ui/sonner';
import { AppSidebar } from './app-sidebar';
import { Breadcrumbs } from './breadcrumbs';
import type { ClusterLink } from './nav-model';
import { ThemeToggle } from './theme-toggle';

export function AppShell({
  clusters,
  consoleAdmin,
  email,
  sidebarOpen,
  children,
}: {
  clusters: readonly ClusterLink[];
  consoleAdmin: boolean;
  email: string;
  /** The sidebar as the user last left it (its cookie), so the first paint does not jump. */
  sidebarOpen: boolean;
  children: ReactNode;
}) {
  return (
    <SidebarProvider defaultOpen={sidebarOpen}>
      <AppSidebar clusters={clusters} consoleAdmin={consoleAdmin} />
      <SidebarInset id="main">
        <header className="sticky top-0 z-20 flex h-12 shrink-0 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/80">
          <SidebarTrigger className="-ml-1" />
          <Separator orientation="vertical" className="mr-1 data-[orientation=vertical]:h-4" />
          <Breadcrumbs clusters={clusters} />
          <div className="ml-auto flex items-center gap-2">
            <CommandPalette />
            <ThemeToggle />
            <span className="hidden text-xs text-muted-foreground sm:inline" data-testid="current-user">
              {email}
            </span>
            <SignOutButton />
          </div>
        </header>
        <div className="page">{children}</div>
      </SidebarInset>
      <Toaster closeButton />
    </SidebarProvider>
  );
}
