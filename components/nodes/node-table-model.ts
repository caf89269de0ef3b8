/**
 * What the node table shows, pure: which nodes match the filter, in which order, grouped by DC and
 * rack, with which columns; and the view as URL search parameters, so a view is addressable. The
 * table component feeds these to @tanstack/react-table; tests hold them without rendering.
 */
import { z } from 'zod';
import { flag, oneOf, text, urlParams, type Param, type ParamReader, type UrlCodec } from '@/components/url/url-params';
import type { NodeRow } from '@/server/nodes/merge-nodes';

export const SORT_KEYS = [
  'address',
  'dc',
  'rack',
  'status',
  'state',
  'load',
  'owns',
  'tokens',
  'version',
  'uptime',
  'heap',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Every column the column menu offers, in table order (the Alerts and Problem columns come by themselves). */
export const COLUMN_IDS = [
  'address',
  'dc',
  'rack',
  'status',
  'state',
  'load',
  'owns',
  'tokens',
  'host',
  'version',
  'schema',
  'uptime',
  'heap',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const COLUMN_LABELS: Record<ColumnId, string> = {
  address: 'Address',
  dc: 'Datacenter',
  rack: 'Rack',
  status: 'Status',
  state: 'State',
  load: 'Load',
  owns: 'Owns',
  tokens: 'Tokens',
  host: 'Host ID',
  version: 'Version',
  schema: 'Schema',
  uptime: 'Uptime',
  heap: 'Heap',
};

/** The datacenter is the group header's by default; the column is there for an ungrouped view. */
export const DEFAULT_COLUMNS: readonly ColumnId[] = COLUMN_IDS.filter((c) => c !== 'dc');

export type Grouping = 'none' | 'dc' | 'rack';
export type StatusFilter = 'all' | 'Up' | 'Down';

export interface TableView {
  /** Free text matched against address, host id, DC and rack. */
  text: string;
  status: StatusFilter;
  sort: SortKey;
  descending: boolean;
  /** 'rack' groups by DC, then rack. */
  grouping: Grouping;
  columns: readonly ColumnId[];
}

export const DEFAULT_VIEW: TableView = {
  text: '',
  status: 'all',
  sort: 'address',
  descending: false,
  grouping: 'dc',
  columns: DEFAULT_COLUMNS,
};

const columnsParam: Param<readonly ColumnId[]> = {
  // Unknown ids are dropped rather than failing the list; the address is always shown.
  schema: z.string().transform((list) => {
    const named = list.split(',');
    return COLUMN_IDS.filter((c) => c === 'address' || named.includes(c));
  }),
  fallback: DEFAULT_COLUMNS,
  format: (columns) => COLUMN_IDS.filter((c) => columns.includes(c)).join(','),
};

// Short names in the URL (?q=10.1&status=Down&group=rack); TableView keeps its readable ones.
const PARAMS = urlParams({
  q: text(200),
  status: oneOf(['all', 'Up', 'Down'], 'all'),
  sort: oneOf(SORT_KEYS, 'address'),
  desc: flag(false),
  group: oneOf(['none', 'dc', 'rack'], 'dc'),
  cols: columnsParam,
});

/** The view in the URL, for useUrlState: anything missing or unknown reads as the default. */
export const NODE_VIEW_PARAMS: UrlCodec<TableView> = {
  read(params) {
    const { q, status, sort, desc, group, cols } = PARAMS.read(params);
    return { text: q, status, sort, descending: desc, grouping: group, columns: cols };
  },
  write(view, params) {
    PARAMS.write(
      {
        q: view.text,
        status: view.status,
        sort: view.sort,
        desc: view.descending,
        group: view.grouping,
        cols: view.columns,
      },
      params,
    );
  },
};

/** The view the URL names; anything missing or unknown falls back to the default. */
export function viewFromParams(params: ParamReader): TableView {
  return NODE_VIEW_PARAMS.read(params);
}

/** The search parameters for a view, on top of `base` (other parameters kept); defaults are left out. */
export function paramsOfView(view: TableView, base: string = ''): URLSearchParams {
  const params = new URLSearchParams(base);
  NODE_VIEW_PARAMS.write(view, params);
  return params;
}

/** Does a node match the free text (address, host id, DC, rack; case ignored)? */
export function matchesText(node: NodeRow, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [node.address, node.hostId, node.dc, node.rack].some((v) => v?.toLowerCase().includes(needle));
}

export function matchesStatus(node: NodeRow, status: StatusFilter): boolean {
  return status === 'all' || node.status === status;
}

const addressKeys = new Map<string, string>();

/** An IPv4 address sorts numerically (127.0.0.2 before 127.0.0.10); anything else as text. Remembered: a sort asks often. */
export function addressKey(address: string): string {
  let key = addressKeys.get(address);
  if (key === undefined) {
    key = /^\d+\.\d+\.\d+\.\d+$/.test(address)
      ? address
          .split('.')
          .map((p) => p.padStart(3, '0'))
          .join('.')
      : address;
    if (addressKeys.size > 100_000) addressKeys.clear();
    addressKeys.set(address, key);
  }
  return key;
}

type SortValue = string | number;
const SORT_VALUES: Record<SortKey, (n: NodeRow, owns: Record<string, number> | undefined) => SortValue> = {
  address: (n) => addressKey(n.address),
  dc: (n) => n.dc ?? '',
  rack: (n) => n.rack ?? '',
  status: (n) => n.status,
  state: (n) => n.state,
  load: (n) => n.loadBytes ?? -1,
  owns: (n, owns) => owns?.[n.address] ?? -1,
  tokens: (n) => n.tokenCount ?? -1,
  version: (n) => n.releaseVersion ?? '',
  uptime: (n) => n.uptimeMs ?? -1,
  heap: (n) => n.heapUsedBytes ?? -1,
};

/** Ascending by a column; ties by address, so the order never depends on the snapshot's. */
export function compareNodes(key: SortKey, ownership?: Record<string, number>): (a: NodeRow, b: NodeRow) => number {
  const value = SORT_VALUES[key];
  return (a, b) => {
    const x = value(a, ownership);
    const y = value(b, ownership);
    if (x < y) return -1;
    if (x > y) return 1;
    const ax = addressKey(a.address);
    const bx = addressKey(b.address);
    return ax < bx ? -1 : ax > bx ? 1 : 0;
  };
}

/** The matching nodes in the view's order (what react-table's filtered and sorted row models give the component). */
export function shownNodes(nodes: readonly NodeRow[], view: TableView, ownership?: Record<string, number>): NodeRow[] {
  const compare = compareNodes(view.sort, ownership);
  return nodes
    .filter((n) => matchesStatus(n, view.status) && matchesText(n, view.text))
    .sort((a, b) => (view.descending ? -compare(a, b) : compare(a, b)));
}

export const dcOf = (node: NodeRow): string => node.dc ?? 'unknown DC';
export const rackOf = (node: NodeRow): string => node.rack ?? 'unknown rack';

export interface GroupItem {
  kind: 'group';
  level: 'dc' | 'rack';
  /** `dc` or `dc/rack`: what a collapse is remembered by. */
  id: string;
  dc: string;
  rack: string | null;
  up: number;
  total: number;
  collapsed: boolean;
}
export interface RowItem<T> {
  kind: 'row';
  row: T;
}
export type Item<T> = GroupItem | RowItem<T>;

/**
 * The table's lines: rows already filtered and sorted, under a header per DC (and per rack in it),
 * DCs and racks in name order, rows in the given order inside each; a collapsed group keeps its
 * header (with its counts) and hides what is under it.
 */
export function groupItems<T>(
  rows: readonly T[],
  nodeOf: (row: T) => NodeRow,
  grouping: Grouping,
  collapsed: ReadonlySet<string> = new Set(),
): Item<T>[] {
  if (grouping === 'none') return rows.map((row) => ({ kind: 'row', row }));
  const dcs = new Map<string, Map<string, T[]>>();
  for (const row of rows) {
    const node = nodeOf(row);
    const dc = dcOf(node);
    const rack = grouping === 'rack' ? rackOf(node) : '';
    let racks = dcs.get(dc);
    if (!racks) dcs.set(dc, (racks = new Map()));
    let list = racks.get(rack);
    if (!list) racks.set(rack, (list = []));
    list.push(row);
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const counts = (list: readonly T[]) => ({
    up: list.reduce((sum, row) => sum + (nodeOf(row).status === 'Up' ? 1 : 0), 0),
    total: list.length,
  });
  const items: Item<T>[] = [];
  for (const dc of [...dcs.keys()].sort(byName)) {
    const racks = dcs.get(dc)!;
    const all = [...racks.values()].flat();
    const dcCollapsed = collapsed.has(dc);
    items.push({ kind: 'group', level: 'dc', id: dc, dc, rack: null, ...counts(all), collapsed: dcCollapsed });
    if (dcCollapsed) continue;
    if (grouping === 'dc') {
      for (const row of all) items.push({ kind: 'row', row });
      continue;
    }
    for (const rack of [...racks.keys()].sort(byName)) {
      const list = racks.get(rack)!;
      const id = `${dc}/${rack}`;
      const rackCollapsed = collapsed.has(id);
      items.push({ kind: 'group', level: 'rack', id, dc, rack, ...counts(list), collapsed: rackCollapsed });
      if (!rackCollapsed) for (const row of list) items.push({ kind: 'row', row });
    }
  }
  return items;
}
