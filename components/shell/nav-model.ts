/**
 * Where the console's pages are and what they are called: the sections of a cluster (grouped as the
 * sidebar shows them), the console's own pages, and the breadcrumb trail of any path. Pure, so the
 * sidebar, the breadcrumbs and the cluster switcher agree and a unit test can hold them.
 */

export interface ClusterLink {
  id: string;
  name: string;
}

export type SectionIcon =
  | 'overview'
  | 'physical'
  | 'alerts'
  | 'metrics'
  | 'gossip'
  | 'keyspaces'
  | 'query'
  | 'advisor'
  | 'compaction'
  | 'activity';

export interface Section {
  /** After /clusters/<id>; '' is the cluster's own page. */
  path: string;
  label: string;
  icon: SectionIcon;
  /** The test id the e2e suite has always found each section's link by. */
  testId: string;
}

const section = (path: string, label: string, icon: SectionIcon): Section => ({
  path,
  label,
  icon,
  testId: `nav${path.replace('/', '-') || '-nodes'}`,
});

/** A cluster's sections in the sidebar's groups: what it looks like, its data, what runs on it. */
export const SECTION_GROUPS: readonly { label: string; sections: readonly Section[] }[] = [
  {
    label: 'Monitor',
    sections: [
      section('', 'Nodes and ring', 'overview'),
      section('/physical', 'Physical view', 'physical'),
      section('/alerts', 'Alerts', 'alerts'),
      section('/metrics', 'Metrics', 'metrics'),
      section('/gossip', 'Gossip', 'gossip'),
    ],
  },
  {
    label: 'Data',
    sections: [
      section('/keyspaces', 'Keyspaces', 'keyspaces'),
      section('/query', 'Query', 'query'),
      section('/advisor', 'Advisor', 'advisor'),
    ],
  },
  {
    label: 'Operate',
    sections: [section('/compaction', 'Compaction', 'compaction'), section('/activity', 'Activity', 'activity')],
  },
];

export const SECTIONS: readonly Section[] = SECTION_GROUPS.flatMap((g) => g.sections);

export interface ConsolePage {
  href: string;
  label: string;
  testId: string;
  /** Only console administrators see the link (the page and its procedures refuse anyone else anyway). */
  adminOnly: boolean;
}

export const CONSOLE_PAGES: readonly ConsolePage[] = [
  { href: '/admin/audit', label: 'Audit log', testId: 'nav-audit', adminOnly: false },
  { href: '/admin/users', label: 'Users', testId: 'nav-users', adminOnly: true },
  { href: '/admin/destinations', label: 'Notification destinations', testId: 'nav-destinations', adminOnly: true },
];

const segmentsOf = (pathname: string) =>
  pathname
    .split('?')[0]!
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });

/** The cluster a path is in, if any. */
export function clusterIdOf(pathname: string): string | null {
  const [first, id] = segmentsOf(pathname);
  return first === 'clusters' && id ? id : null;
}

/** The section of a cluster a path is in ('' for the cluster's page and a node's page). */
export function sectionOf(pathname: string): Section | null {
  const [first, id, part] = segmentsOf(pathname);
  if (first !== 'clusters' || !id) return null;
  if (part === undefined || part === 'nodes') return SECTIONS[0]!;
  return SECTIONS.find((s) => s.path === `/${part}`) ?? null;
}

/** The same section of another cluster: what the cluster switcher links to (a keyspace or node need not exist there). */
export function switchClusterHref(pathname: string, clusterId: string): string {
  const current = sectionOf(pathname);
  return `/clusters/${encodeURIComponent(clusterId)}${current?.path ?? ''}`;
}

export interface Crumb {
  label: string;
  /** Absent for the page itself, the last crumb. */
  href?: string;
}

/** Clusters › <cluster> › <section> › <keyspace> › <table>, or Console › <page>; the last one is the page. */
export function crumbsOf(pathname: string, clusters: readonly ClusterLink[]): Crumb[] {
  const parts = segmentsOf(pathname);
  const crumbs: Crumb[] = [{ label: 'Clusters', href: '/' }];
  if (parts[0] === 'clusters' && parts[1]) {
    const id = parts[1];
    const base = `/clusters/${encodeURIComponent(id)}`;
    crumbs.push({ label: clusters.find((c) => c.id === id)?.name ?? id, href: base });
    const [, , part, ...rest] = parts;
    if (part === 'nodes') {
      crumbs.push({ label: SECTIONS[0]!.label, href: base });
      if (rest[0]) crumbs.push({ label: `Node ${rest[0]}` });
    } else if (part) {
      const found = SECTIONS.find((s) => s.path === `/${part}`);
      crumbs.push({ label: found?.label ?? part, href: `${base}/${part}` });
      if (part === 'keyspaces' && rest[0]) {
        crumbs.push({ label: rest[0], href: `${base}/keyspaces/${encodeURIComponent(rest[0])}` });
        if (rest[1]) crumbs.push({ label: rest[1] });
      }
    } else {
      crumbs.push({ label: SECTIONS[0]!.label });
    }
  } else if (parts[0] === 'admin') {
    const page = CONSOLE_PAGES.find((p) => p.href === `/${parts.slice(0, 2).join('/')}`);
    crumbs.splice(0, 1, { label: 'Console' }, { label: page?.label ?? parts[1] ?? 'admin' });
  }
  const last = crumbs.at(-1)!;
  crumbs[crumbs.length - 1] = { label: last.label };
  return crumbs;
}
