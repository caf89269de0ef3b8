/**
 * The command palette's items and how a query ranks them. Pure: the index (search.index) and the
 * console's page list (nav-model) go in, ranked items come out, so a unit test can hold the order.
 *
 * Every word of the query must match an item, in its label or its keywords (a node's DC, rack and
 * host id; a table's keyspace; the cluster's name). A match in the label outranks one in the
 * keywords; an exact label beats a prefix, which beats a word start (after `.`, `_`, `-`, `/` or a
 * space), which beats a substring. Ties go to the current cluster's items, then user keyspaces before
 * system ones, then the kind (page, cluster, node, keyspace, table), then the shorter label.
 */
import type { SearchIndex } from '@/server/search/search-index';
import { CONSOLE_PAGES, SECTIONS } from '@/components/shell/nav-model';

export type PaletteKind = 'page' | 'cluster' | 'node' | 'keyspace' | 'table';

export interface PaletteItem {
  /** Unique across the palette: cmdk's value. */
  id: string;
  kind: PaletteKind;
  label: string;
  /** Other forms of the label, matched as the label is: a table's own name beside `keyspace.table`. */
  aliases: string[];
  /** The secondary line: where the item is (cluster, DC/rack, keyspace). */
  detail: string;
  keywords: string[];
  href: string;
  clusterId: string | null;
  /** A system keyspace or one of its tables: ranked after user ones. */
  system: boolean;
}

const KIND_ORDER: Record<PaletteKind, number> = { page: 0, cluster: 1, node: 2, keyspace: 3, table: 4 };

const enc = encodeURIComponent;

/** Every item the index and the page list make, for a caller who may or may not open the admin pages. */
export function paletteItems(index: SearchIndex & { consoleAdmin: boolean }): PaletteItem[] {
  const items: PaletteItem[] = [];
  for (const cluster of index.clusters) {
    const base = `/clusters/${enc(cluster.id)}`;
    const where = cluster.name;
    const clusterWords = cluster.name === cluster.id ? [cluster.id] : [cluster.name, cluster.id];
    items.push({
      id: `cluster:${cluster.id}`,
      kind: 'cluster',
      label: cluster.name,
      aliases: [],
      detail: cluster.name === cluster.id ? 'cluster' : `cluster ${cluster.id}`,
      keywords: [cluster.id, 'cluster'],
      href: base,
      clusterId: cluster.id,
      system: false,
    });
    for (const section of SECTIONS) {
      items.push({
        id: `page:${cluster.id}${section.path}`,
        kind: 'page',
        label: section.label,
        aliases: [],
        detail: where,
        keywords: [...clusterWords, section.path.slice(1)].filter(Boolean),
        href: `${base}${section.path}`,
        clusterId: cluster.id,
        system: false,
      });
    }
    for (const node of cluster.nodes) {
      items.push({
        id: `node:${cluster.id}:${node.address}`,
        kind: 'node',
        label: node.address,
        aliases: [],
        detail: [where, node.dc, node.rack].filter(Boolean).join(' · '),
        keywords: [...clusterWords, node.dc, node.rack, node.hostId].filter((w): w is string => !!w),
        href: `${base}/nodes/${enc(node.address)}`,
        clusterId: cluster.id,
        system: false,
      });
    }
    for (const keyspace of cluster.keyspaces) {
      const ksHref = `${base}/keyspaces/${enc(keyspace.name)}`;
      items.push({
        id: `keyspace:${cluster.id}:${keyspace.name}`,
        kind: 'keyspace',
        label: keyspace.name,
        aliases: [],
        detail: `${where} · keyspace`,
        keywords: [...clusterWords, 'keyspace'],
        href: ksHref,
        clusterId: cluster.id,
        system: keyspace.system,
      });
      for (const table of keyspace.tables) {
        items.push({
          id: `table:${cluster.id}:${keyspace.name}.${table}`,
          kind: 'table',
          label: `${keyspace.name}.${table}`,
          aliases: [table],
          detail: `${where} · table`,
          keywords: [...clusterWords, 'table'],
          href: `${ksHref}/${enc(table)}`,
          clusterId: cluster.id,
          system: keyspace.system,
        });
      }
    }
  }
  for (const page of CONSOLE_PAGES) {
    if (page.adminOnly && !index.consoleAdmin) continue;
    items.push({
      id: `page:${page.href}`,
      kind: 'page',
      label: page.label,
      aliases: [],
      detail: 'Console',
      keywords: ['console', 'admin'],
      href: page.href,
      clusterId: null,
      system: false,
    });
  }
  return items;
}

const BOUNDARY = /[._\-/\s:]/;

/** How well one query word matches one text: 0 for not at all. */
function wordScore(text: string, word: string): number {
  const t = text.toLowerCase();
  if (t === word) return 4;
  if (t.startsWith(word)) return 3;
  let at = t.indexOf(word);
  while (at > 0) {
    if (BOUNDARY.test(t[at - 1]!)) return 2;
    at = t.indexOf(word, at + 1);
  }
  return t.includes(word) ? 1 : 0;
}

/** The item's score for the query, or null when some word matches nothing. */
export function scoreItem(item: PaletteItem, query: string): number | null {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  let score = 0;
  for (const word of words) {
    const inLabel = Math.max(...[item.label, ...item.aliases].map((l) => wordScore(l, word)));
    const inKeywords = Math.max(0, ...item.keywords.map((k) => wordScore(k, word)));
    if (inLabel === 0 && inKeywords === 0) return null;
    // Any match in the label outranks the best in the keywords.
    score += inLabel > 0 ? 10 + inLabel * 10 : inKeywords;
  }
  return score;
}

/**
 * The items matching `query`, best first, at most `limit`. An empty query lists the current cluster's
 * pages, then the clusters, then the console's pages.
 */
export function rankItems(
  items: readonly PaletteItem[],
  query: string,
  currentClusterId: string | null,
  limit = 50,
): PaletteItem[] {
  if (!query.trim()) {
    const current = items.filter((i) => i.kind === 'page' && i.clusterId !== null && i.clusterId === currentClusterId);
    const clusters = items.filter((i) => i.kind === 'cluster');
    const console = items.filter((i) => i.kind === 'page' && i.clusterId === null);
    return [...current, ...clusters, ...console].slice(0, limit);
  }
  const scored: { item: PaletteItem; score: number }[] = [];
  for (const item of items) {
    const score = scoreItem(item, query);
    if (score !== null) scored.push({ item, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.item.clusterId === currentClusterId && currentClusterId !== null) -
        Number(a.item.clusterId === currentClusterId && currentClusterId !== null) ||
      Number(a.item.system) - Number(b.item.system) ||
      KIND_ORDER[a.item.kind] - KIND_ORDER[b.item.kind] ||
      a.item.label.length - b.item.label.length ||
      a.item.label.localeCompare(b.item.label),
  );
  return scored.slice(0, limit).map((s) => s.item);
}
