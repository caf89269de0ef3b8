'use client';
/**
 * Every node in one virtualised table: only the rows in view (plus a few) are in the page, so a
 * 1,000-node cluster filters and sorts as fast as three. @tanstack/react-table holds the columns,
 * their visibility, the filter and the sort; the grouping by DC and rack, the filter and the sort
 * themselves are the pure functions of node-table-model.ts. The view (filter, sort, grouping,
 * columns) is the caller's: LiveNodeTable keeps it in the URL.
 */
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ChevronDown, ChevronRight, Columns3 } from 'lucide-react';
import Link from 'next/link';
import { useMemo, useRef, useState } from 'react';
import { NodeAlertBadges } from '@/components/alerts/node-alert-badges';
import { hasMark, type NodeAlertMarks } from '@/components/alerts/node-marks';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { NodeStateBadge, NodeStatusBadge } from '@/components/ui/status-badge';
import type { NodeRow } from '@/server/nodes/merge-nodes';
import { formatBytes, formatOwnership, formatUptime } from './format';
import {
  COLUMN_IDS,
  COLUMN_LABELS,
  compareNodes,
  DEFAULT_VIEW,
  groupItems,
  matchesStatus,
  matchesText,
  type ColumnId,
  type Grouping,
  type SortKey,
  type StatusFilter,
  type TableView,
} from './node-table-model';

/** A row's height as laid out (badges included): the virtualiser's estimate, corrected by measuring. */
const ROW_HEIGHT = 33;

interface FilterValue {
  text: string;
  status: StatusFilter;
}

type Cell = { testId?: string; className?: string; title?: (n: NodeRow) => string | undefined };

/** Every node, grouped by DC (and rack); sortable, filterable, columns chosen; failures named. */
export function NodeTable({
  clusterId,
  nodes,
  ownership,
  keyspace,
  alertMarks,
  view: controlledView,
  onViewChange,
  maxHeight = '70vh',
}: {
  clusterId: string;
  nodes: NodeRow[];
  ownership?: Record<string, number>;
  keyspace?: string | null;
  /** The console's alerts and CQL probe verdicts, marked beside Cassandra's own status. */
  alertMarks?: NodeAlertMarks;
  /** The view when the caller keeps it (in the URL); otherwise the table keeps its own. */
  view?: TableView;
  onViewChange?(view: TableView): void;
  maxHeight?: string;
}) {
  const [ownView, setOwnView] = useState<TableView>(DEFAULT_VIEW);
  const view = controlledView ?? ownView;
  const setView = (change: Partial<TableView>) => {
    const next = { ...view, ...change };
    if (onViewChange) onViewChange(next);
    else setOwnView(next);
  };
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const showAlerts = nodes.some((n) => hasMark(alertMarks, n.address));
  const showProblem = nodes.some((n) => n.jolokiaError);

  const columns = useMemo<ColumnDef<NodeRow>[]>(() => {
    const sortable = (id: SortKey, header: string, cell: ColumnDef<NodeRow>['cell'], meta: Cell = {}) => {
      const compare = compareNodes(id, ownership);
      return {
        id,
        header,
        accessorFn: (n: NodeRow) => n.address,
        sortingFn: (a: Row<NodeRow>, b: Row<NodeRow>) => compare(a.original, b.original),
        cell,
        meta,
      } satisfies ColumnDef<NodeRow>;
    };
    const plain = (id: string, header: string, cell: ColumnDef<NodeRow>['cell'], meta: Cell = {}) =>
      ({ id, header, cell, enableSorting: false, meta }) satisfies ColumnDef<NodeRow>;
    return [
      {
        ...sortable(
          'address',
          'Address',
          ({ row }) => (
            <Link href={`/clusters/${clusterId}/nodes/${row.original.address}`}>{row.original.address}</Link>
          ),
          { testId: 'node-address' },
        ),
        // One filter for the table, on the column that is always there.
        filterFn: (row: Row<NodeRow>, _id: string, value: FilterValue) =>
          matchesStatus(row.original, value.status) && matchesText(row.original, value.text),
        enableHiding: false,
      },
      sortable('dc', 'Datacenter', ({ row }) => row.original.dc ?? '—', { testId: 'node-dc' }),
      sortable('rack', 'Rack', ({ row }) => row.original.rack ?? '—', { testId: 'node-rack' }),
      sortable('status', 'Status', ({ row }) => <NodeStatusBadge value={row.original.status} />, {
        testId: 'node-status',
        title: statusTitle,
      }),
      // Beside Cassandra's verdict, never in place of it: only where some node has a mark.
      ...(showAlerts
        ? [
            plain('alerts', 'Alerts', ({ row }) => (
              <NodeAlertBadges clusterId={clusterId} address={row.original.address} marks={alertMarks} />
            )),
          ]
        : []),
      sortable('state', 'State', ({ row }) => <NodeStateBadge value={row.original.state} />, { testId: 'node-state' }),
      sortable('load', 'Load', ({ row }) => formatBytes(row.original.loadBytes), {
        testId: 'node-load',
        className: 'nowrap',
      }),
      sortable(
        'owns',
        keyspace ? `Owns (${keyspace})` : 'Owns',
        ({ row }) => formatOwnership(ownership?.[row.original.address]),
        {
          testId: 'node-owns',
        },
      ),
      sortable('tokens', 'Tokens', ({ row }) => row.original.tokenCount ?? '—', { testId: 'node-tokens' }),
      plain('host', 'Host ID', ({ row }) => row.original.hostId ?? '—', { className: 'mono' }),
      sortable('version', 'Version', ({ row }) => row.original.releaseVersion ?? '—'),
      plain('schema', 'Schema', ({ row }) => row.original.schemaVersion?.slice(0, 8) ?? '—', {
        className: 'mono',
        title: (n) => n.schemaVersion ?? undefined,
      }),
      sortable('uptime', 'Uptime', ({ row }) => formatUptime(row.original.uptimeMs), {
        testId: 'node-uptime',
        className: 'nowrap',
      }),
      sortable(
        'heap',
        'Heap',
        ({ row }) =>
          row.original.heapUsedBytes === null
            ? '—'
            : `${formatBytes(row.original.heapUsedBytes)} / ${formatBytes(row.original.heapMaxBytes)}`,
        { testId: 'node-heap', className: 'nowrap' },
      ),
      // The column appears only where some node has a problem to name.
      ...(showProblem
        ? [plain('problem', 'Problem', ({ row }) => row.original.jolokiaError, { className: 'problem' })]
        : []),
    ];
  }, [clusterId, ownership, keyspace, alertMarks, showAlerts, showProblem]);

  const sorting = useMemo<SortingState>(() => [{ id: view.sort, desc: view.descending }], [view.sort, view.descending]);
  const columnFilters = useMemo(
    () =>
      view.text.trim() || view.status !== 'all'
        ? [{ id: 'address', value: { text: view.text, status: view.status } satisfies FilterValue }]
        : [],
    [view.text, view.status],
  );
  const columnVisibility = useMemo(
    () => Object.fromEntries(COLUMN_IDS.map((c) => [c, c === 'address' || view.columns.includes(c)])),
    [view.columns],
  );

  const table = useReactTable({
    data: nodes,
    columns,
    state: { sorting, columnFilters, columnVisibility },
    getRowId: (n) => n.hostId ?? n.address,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    // The view is the caller's: changes go through setView, not react-table's own state.
    manualPagination: true,
  });

  const rows = table.getRowModel().rows;
  const items = useMemo(
    () => groupItems(rows, (r) => r.original, view.grouping, collapsed),
    [rows, view.grouping, collapsed],
  );

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => {
      const item = items[index]!;
      return item.kind === 'group' ? `group:${item.id}` : item.row.id;
    },
    overscan: 10,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const padTop = virtualItems[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtualItems.at(-1)?.end ?? 0);

  const leafColumns = table.getVisibleLeafColumns();
  const toggle = (id: string) =>
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const sortButton = (key: SortKey, label: string) => (
    <button
      type="button"
      className="sort"
      data-testid={`sort-${key}`}
      onClick={() => setView({ sort: key, descending: view.sort === key ? !view.descending : false })}
    >
      {label}
      {view.sort === key ? (view.descending ? ' ▼' : ' ▲') : ''}
    </button>
  );

  return (
    <div data-testid="node-table">
      <div className="my-2 flex flex-wrap items-center gap-2">
        <input
          className="filter"
          placeholder="Filter by address, host ID, DC, rack…"
          value={view.text}
          onChange={(e) => setView({ text: e.target.value })}
          data-testid="node-filter"
          aria-label="Filter nodes"
        />
        <label className="picker">
          Status{' '}
          <select
            data-testid="node-status-filter"
            value={view.status}
            onChange={(e) => setView({ status: e.target.value as StatusFilter })}
          >
            <option value="all">all</option>
            <option value="Up">Up</option>
            <option value="Down">Down</option>
          </select>
        </label>
        <label className="picker">
          Group by{' '}
          <select
            data-testid="node-grouping"
            value={view.grouping}
            onChange={(e) => {
              setCollapsed(new Set());
              setView({ grouping: e.target.value as Grouping });
            }}
          >
            <option value="dc">datacenter</option>
            <option value="rack">datacenter and rack</option>
            <option value="none">nothing</option>
          </select>
        </label>
        <ColumnMenu
          chosen={view.columns}
          onChange={(columns) => setView({ columns })}
          ownsLabel={keyspace ? `Owns (${keyspace})` : 'Owns'}
        />
        <span className="muted text-xs" data-testid="node-count">
          {rows.length === nodes.length ? `${nodes.length} nodes` : `${rows.length} of ${nodes.length} nodes`}
        </span>
      </div>
      <div
        ref={scroller}
        data-testid="node-table-scroller"
        className="overflow-auto"
        style={{ maxHeight }}
        tabIndex={-1}
      >
        <table className="nodes" aria-rowcount={items.length + 1}>
          <thead className="sticky top-0 z-10 bg-background">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    data-column={header.column.id}
                    aria-sort={
                      view.sort === header.column.id ? (view.descending ? 'descending' : 'ascending') : undefined
                    }
                  >
                    {header.column.getCanSort()
                      ? sortButton(header.column.id as SortKey, String(header.column.columnDef.header))
                      : flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={leafColumns.length} className="muted" data-testid="table-empty">
                  No node matches the filter.
                </td>
              </tr>
            ) : null}
            {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }} /> : null}
            {virtualItems.map((virtual) => {
              const item = items[virtual.index]!;
              if (item.kind === 'group') {
                const label = item.level === 'dc' ? `Datacenter: ${item.dc}` : `Rack: ${item.rack}`;
                return (
                  <tr
                    key={virtual.key}
                    ref={virtualizer.measureElement}
                    data-index={virtual.index}
                    data-testid={item.level === 'dc' ? `dc-${item.dc}` : `rack-${item.dc}-${item.rack}`}
                    className="bg-muted/50"
                  >
                    <th colSpan={leafColumns.length} scope="colgroup" className={item.level === 'rack' ? 'pl-6' : ''}>
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 font-semibold text-foreground"
                        aria-expanded={!item.collapsed}
                        data-testid="group-toggle"
                        onClick={() => toggle(item.id)}
                      >
                        {item.collapsed ? (
                          <ChevronRight aria-hidden="true" className="size-4" />
                        ) : (
                          <ChevronDown aria-hidden="true" className="size-4" />
                        )}
                        <span data-testid="group-label">
                          {label}{' '}
                          <span className="muted font-normal">
                            ({item.up}/{item.total} up)
                          </span>
                        </span>
                      </button>
                    </th>
                  </tr>
                );
              }
              const node = item.row.original;
              return (
                <tr
                  key={virtual.key}
                  ref={virtualizer.measureElement}
                  data-index={virtual.index}
                  data-testid={`node-row-${node.address}`}
                  data-dc={node.dc ?? ''}
                  data-rack={node.rack ?? ''}
                >
                  {item.row.getVisibleCells().map((cell) => {
                    const meta = (cell.column.columnDef.meta ?? {}) as Cell;
                    const testId =
                      cell.column.id === 'problem' ? (node.jolokiaError ? 'node-problem' : undefined) : meta.testId;
                    return (
                      <td key={cell.id} data-testid={testId} className={meta.className} title={meta.title?.(node)}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }} /> : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Show or hide columns; the address (the link to the node) always stays. */
function ColumnMenu({
  chosen,
  onChange,
  ownsLabel,
}: {
  chosen: readonly ColumnId[];
  onChange(columns: ColumnId[]): void;
  ownsLabel: string;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" data-testid="column-menu">
          <Columns3 aria-hidden="true" />
          Columns
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        <DropdownMenuLabel>Columns shown</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {COLUMN_IDS.filter((c) => c !== 'address').map((c) => (
          <DropdownMenuCheckboxItem
            key={c}
            data-testid={`column-${c}`}
            checked={chosen.includes(c)}
            onSelect={(e) => e.preventDefault()}
            onCheckedChange={(on) =>
              onChange(COLUMN_IDS.filter((id) => id === 'address' || (id === c ? on : chosen.includes(id))))
            }
          >
            {c === 'owns' ? ownsLabel : COLUMN_LABELS[c]}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function statusTitle(node: NodeRow): string | undefined {
  if (node.downReason === 'gossip') return `convicted by the failure detector of ${node.seenDownBy.join(', ')}`;
  if (node.downReason === 'not-listening')
    return 'nothing listens on its CQL and Jolokia ports: the process is gone (gossip has not convicted it yet)';
  if (node.downReason === 'driver') return 'only the driver says so: no gossip view is available';
  return undefined;
}
