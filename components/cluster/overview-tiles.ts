/**
 * The overview's health tiles from the page's one live snapshot: nodes by status and state per DC,
 * agents out of reach, schema versions, and the metric tiles (pending compactions, dropped messages,
 * hints, disk, throughput, p99) from the collector's latest poll carried on the same push. Pure: a
 * tile says its value, how bad it is and where to look.
 */
import type { LiveSnapshot } from '@/components/live/live-cluster';
import { formatBytes } from '@/components/nodes/format';

export type TileTone = 'ok' | 'warn' | 'bad' | 'neutral';

export interface Tile {
  id: string;
  label: string;
  value: string;
  /** One line under the value: what it is made of. */
  detail: string;
  tone: TileTone;
  /** After /clusters/<id>: the view the tile opens. */
  path: string;
}

export interface DcCount {
  dc: string;
  up: number;
  down: number;
  total: number;
  /** Nodes not Normal (Joining, Leaving, Moving), as "2 Joining". */
  moving: string[];
}

export function nodesByDc(nodes: LiveSnapshot['nodes']): DcCount[] {
  const byDc = new Map<string, LiveSnapshot['nodes']>();
  for (const node of nodes) byDc.set(node.dc ?? '?', [...(byDc.get(node.dc ?? '?') ?? []), node]);
  return [...byDc.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dc, list]) => {
      const states = new Map<string, number>();
      for (const n of list) if (n.state !== 'Normal') states.set(n.state, (states.get(n.state) ?? 0) + 1);
      return {
        dc,
        up: list.filter((n) => n.status === 'Up').length,
        down: list.filter((n) => n.status !== 'Up').length,
        total: list.length,
        moving: [...states.entries()].map(([state, count]) => `${count} ${state}`),
      };
    });
}

const rate = (perSecond: number) =>
  perSecond >= 1000
    ? `${(perSecond / 1000).toFixed(1)}k/s`
    : `${perSecond >= 10 ? Math.round(perSecond) : perSecond.toFixed(1)}/s`;
const ms = (micros: number | null) =>
  micros === null ? '—' : `${(micros / 1000).toFixed(micros >= 10_000 ? 0 : 1)} ms`;
const names = (list: string[], max = 3) =>
  list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')} and ${list.length - max} more`;

/** What the overview needs of an open incident (alerts.live). */
export interface IncidentLike {
  title: string;
  severity: 'critical' | 'error' | 'warning' | 'info';
  state: 'firing' | 'resolved';
}

export function overviewTiles(snapshot: LiveSnapshot, incidents: readonly IncidentLike[] | null = null): Tile[] {
  const nodes = snapshot.nodes;
  const down = nodes.filter((n) => n.status !== 'Up');
  const dcs = nodesByDc(nodes);
  const agents = nodes.filter((n) => n.jolokiaError !== null);
  const versions = snapshot.schemaVersions;
  const figures = snapshot.figures;
  const tiles: Tile[] = [
    {
      id: 'nodes',
      label: 'Nodes up',
      value: `${nodes.length - down.length}/${nodes.length}`,
      detail: dcs
        .map((d) => `${d.dc} ${d.up}/${d.total}${d.moving.length ? ` (${d.moving.join(', ')})` : ''}`)
        .join(' · '),
      tone: nodes.length === 0 ? 'neutral' : down.length ? 'bad' : dcs.some((d) => d.moving.length) ? 'warn' : 'ok',
      path: '#nodes',
    },
    {
      id: 'agents',
      label: 'Unreachable agents',
      value: String(agents.length),
      detail: agents.length ? names(agents.map((n) => n.address)) : 'every Jolokia agent answers',
      tone: agents.length ? 'warn' : 'ok',
      path: '/gossip',
    },
    {
      id: 'schema',
      label: 'Schema versions',
      value: String(versions.length),
      detail: versions.length > 1 ? 'nodes disagree on the schema' : versions.length ? 'in agreement' : 'not known',
      tone: versions.length > 1 ? 'bad' : versions.length ? 'ok' : 'neutral',
      path: '/gossip',
    },
  ];
  if (incidents !== null) {
    const firing = incidents.filter((i) => i.state === 'firing');
    tiles.push({
      id: 'alerts',
      label: 'Open incidents',
      value: String(firing.length),
      detail: firing.length
        ? names(
            firing.map((i) => i.title),
            1,
          )
        : 'nothing firing',
      tone: firing.some((i) => i.severity === 'critical' || i.severity === 'error')
        ? 'bad'
        : firing.length
          ? 'warn'
          : 'ok',
      path: '/alerts',
    });
  }
  if (!figures) {
    tiles.push({
      id: 'metrics',
      label: 'Metrics',
      value: '—',
      detail: 'no poll of the metrics collector yet',
      tone: 'neutral',
      path: '/metrics',
    });
    return tiles;
  }
  const partial = figures.missing.length ? ` (no answer from ${names(figures.missing.map((m) => m.address))})` : '';
  tiles.push(
    {
      id: 'compactions',
      label: 'Pending compactions',
      value: String(Math.round(figures.pendingCompactions)),
      detail: `tasks waiting, all nodes${partial}`,
      tone: figures.pendingCompactions >= 100 ? 'bad' : figures.pendingCompactions >= 20 ? 'warn' : 'ok',
      path: '/compaction',
    },
    {
      id: 'dropped',
      label: 'Dropped messages',
      value: rate(figures.droppedPerSecond),
      detail: `all verbs, all nodes${partial}`,
      tone: figures.droppedPerSecond > 0 ? 'bad' : 'ok',
      path: '/metrics',
    },
    {
      id: 'hints',
      label: 'Hints',
      value: rate(figures.hintsPerSecond),
      detail: `written; ${Math.round(figures.hintsInProgress)} in progress${partial}`,
      tone: figures.hintsPerSecond > 0 || figures.hintsInProgress > 0 ? 'warn' : 'ok',
      path: '/metrics',
    },
    {
      id: 'disk',
      label: 'Data on disk',
      value: formatBytes(figures.loadBytes),
      detail: `live data, all nodes${partial}`,
      tone: 'neutral',
      path: '/metrics',
    },
    {
      id: 'throughput',
      label: 'Reads / writes',
      value: `${rate(figures.readsPerSecond)} / ${rate(figures.writesPerSecond)}`,
      detail: 'coordinated, whole cluster',
      tone: 'neutral',
      path: '/metrics',
    },
    {
      id: 'latency',
      label: 'p99 read / write',
      value: `${ms(figures.readP99Micros)} / ${ms(figures.writeP99Micros)}`,
      detail: 'worst coordinator',
      tone: 'neutral',
      path: '/metrics',
    },
  );
  return tiles;
}
