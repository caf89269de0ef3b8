'use client';
/**
 * The console's sidebar: the cluster switcher, the sections of the cluster on screen (or every cluster
 * when none is), and the console's own pages. Links a user cannot use are left out, as a courtesy
 * only: every page and procedure checks the role again on the server.
 */
import {
  Activity,
  Bell,
  ChartLine,
  Check,
  ChevronsUpDown,
  Database,
  Layers,
  LayoutGrid,
  LayoutDashboard,
  Lightbulb,
  Network,
  ScrollText,
  Send,
  Server,
  SquareTerminal,
  Users,
  type LucideIcon,
} from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import {
  Sidebar,
  SidebarContent,
  SidebarGroup,
  SidebarGroupLabel,
  SidebarHeader,
  SidebarMenu,
  SidebarMenuButton,
  SidebarMenuItem,
  SidebarRail,
} from '@/components/ui/sidebar';
import {
  CONSOLE_PAGES,
  SECTION_GROUPS,
  clusterIdOf,
  sectionOf,
  switchClusterHref,
  type ClusterLink,
  type SectionIcon,
} from './nav-model';

const SECTION_ICONS: Record<SectionIcon, LucideIcon> = {
  overview: LayoutDashboard,
  physical: LayoutGrid,
  alerts: Bell,
  metrics: ChartLine,
  gossip: Network,
  keyspaces: Database,
  query: SquareTerminal,
  advisor: Lightbulb,
  compaction: Layers,
  activity: Activity,
};

const CONSOLE_ICONS: Record<string, LucideIcon> = {
  '/admin/audit': ScrollText,
  '/admin/users': Users,
  '/admin/destinations': Send,
};

export function AppSidebar({ clusters, consoleAdmin }: { clusters: readonly ClusterLink[]; consoleAdmin: boolean }) {
  const pathname = usePathname();
  const clusterId = clusterIdOf(pathname);
  const cluster = clusters.find((c) => c.id === clusterId) ?? null;
  const current = sectionOf(pathname);
  return (
    <Sidebar collapsible="offcanvas">
      <SidebarHeader>
        <Link href="/" className="flex items-center gap-2 px-2 pt-1 text-base font-semibold no-underline">
          <span
            className="grid size-7 place-items-center rounded-md bg-sidebar-primary text-sidebar-primary-foreground"
            aria-hidden="true"
          >
            <Server className="size-4" />
          </span>
          Ringside
        </Link>
        <ClusterSwitcher clusters={clusters} current={cluster} pathname={pathname} />
      </SidebarHeader>
      <SidebarContent>
        {cluster ? (
          <nav aria-label={`Cluster ${cluster.name}`} data-testid="cluster-nav">
            {SECTION_GROUPS.map((group) => (
              <SidebarGroup key={group.label}>
                <SidebarGroupLabel>{group.label}</SidebarGroupLabel>
                <SidebarMenu>
                  {group.sections.map((s) => {
                    const Icon = SECTION_ICONS[s.icon];
                    const active = current?.path === s.path;
                    return (
                      <SidebarMenuItem key={s.path}>
                        <SidebarMenuButton asChild isActive={active}>
                          <Link
                            href={`/clusters/${encodeURIComponent(cluster.id)}${s.path}`}
                            data-testid={s.testId}
                            aria-current={active ? 'page' : undefined}
                          >
                            <Icon aria-hidden="true" />
                            <span>{s.label}</span>
                          </Link>
                        </SidebarMenuButton>
                      </SidebarMenuItem>
                    );
                  })}
                </SidebarMenu>
              </SidebarGroup>
            ))}
          </nav>
        ) : (
          <nav aria-label="Clusters">
            <SidebarGroup>
              <SidebarGroupLabel>Clusters</SidebarGroupLabel>
              <SidebarMenu>
                {clusters.length === 0 ? (
                  <li className="px-2 text-xs text-muted-foreground">No cluster granted to you yet.</li>
                ) : null}
                {clusters.map((c) => (
                  <SidebarMenuItem key={c.id}>
                    <SidebarMenuButton asChild>
                      <Link href={`/clusters/${encodeURIComponent(c.id)}`} data-testid={`nav-cluster-${c.id}`}>
                        <Server aria-hidden="true" />
                        <span>{c.name}</span>
                      </Link>
                    </SidebarMenuButton>
                  </SidebarMenuItem>
                ))}
              </SidebarMenu>
            </SidebarGroup>
          </nav>
        )}
        <nav aria-label="Console" className="mt-auto">
          <SidebarGroup>
            <SidebarGroupLabel>Console</SidebarGroupLabel>
            <SidebarMenu>
              {CONSOLE_PAGES.filter((p) => consoleAdmin || !p.adminOnly).map((p) => {
                const Icon = CONSOLE_ICONS[p.href] ?? ScrollText;
                const active = pathname === p.href;
                return (
                  <SidebarMenuItem key={p.href}>
                    <SidebarMenuButton asChild isActive={active}>
                      <Link href={p.href} data-testid={p.testId} aria-current={active ? 'page' : undefined}>
                        <Icon aria-hidden="true" />
                        <span>{p.label}</span>
                      </Link>
                    </SidebarMenuButton>
                  </SidebarMenuItem>
                );
              })}
            </SidebarMenu>
          </SidebarGroup>
        </nav>
      </SidebarContent>
      <SidebarRail />
    </Sidebar>
  );
}

/** The cluster on screen, and a menu to go to the same section of another one (or to all of them). */
function ClusterSwitcher({
  clusters,
  current,
  pathname,
}: {
  clusters: readonly ClusterLink[];
  current: ClusterLink | null;
  pathname: string;
}) {
  return (
    <SidebarMenu>
      <SidebarMenuItem>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <SidebarMenuButton
              size="lg"
              variant="outline"
              className="data-[state=open]:bg-sidebar-accent"
              data-testid="cluster-switcher"
            >
              <div className="grid min-w-0 flex-1 text-left leading-tight">
                <span className="text-xs text-muted-foreground">Cluster</span>
                <span className="truncate font-medium" data-testid="cluster-switcher-current">
                  {current ? current.name : 'All clusters'}
                </span>
              </div>
              <ChevronsUpDown className="ml-auto" aria-hidden="true" />
            </SidebarMenuButton>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start" className="w-(--radix-dropdown-menu-trigger-width) min-w-56">
            <DropdownMenuLabel className="text-xs text-muted-foreground">Switch cluster</DropdownMenuLabel>
            {clusters.map((c) => (
              <DropdownMenuItem key={c.id} asChild>
                <Link href={switchClusterHref(pathname, c.id)} data-testid={`switch-cluster-${c.id}`}>
                  <Server aria-hidden="true" />
                  <span className="truncate">{c.name}</span>
                  {c.id === current?.id ? (
                    <>
                      <Check className="ml-auto" aria-hidden="true" />
                      <span className="sr-only">(current)</span>
                    </>
                  ) : null}
                </Link>
              </DropdownMenuItem>
            ))}
            <DropdownMenuSeparator />
            <DropdownMenuItem asChild>
              <Link href="/" data-testid="switch-cluster-all">
                <LayoutDashboard aria-hidden="true" />
                All clusters
              </Link>
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      </SidebarMenuItem>
    </SidebarMenu>
  );
}
