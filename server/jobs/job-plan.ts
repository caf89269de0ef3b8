/**
 * Which nodes a job touches and in what order, whether a node may start now, and whether two jobs
 * overlap. Pure: the service hands it the poller's node rows, so the tests need no cluster.
 */
import type { Job, JobStep, JobTarget, Rolling } from './job-types';

export interface PlanNode {
  address: string;
  dc: string | null;
  rack: string | null;
  status: string;
  state: string;
  downReason?: string | null;
  /** The node's release_version, where known: a mixed-version cluster is one being upgraded. */
  releaseVersion?: string | null;
}

/** Sorts 127.0.0.10 after 127.0.0.9 (address parts as numbers where they are). */
export function compareAddresses(a: string, b: string): number {
  const pa = a.split(/[.:]/);
  const pb = b.split(/[.:]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) && x !== '' && y !== '' ? nx - ny : x.localeCompare(y);
    if (c !== 0) return c;
  }
  return 0;
}

export class PlanError extends Error {}

/** The steps, in the order they run: by DC, then rack, then address. */
export function planSteps(target: JobTarget, nodes: PlanNode[]): Omit<JobStep, 'progress'>[] {
  let chosen: PlanNode[];
  if (target.scope === 'node') {
    const node = nodes.find((n) => n.address === target.node);
    if (!node)
      throw new PlanError(
        `no node ${target.node} in this cluster (nodes: ${nodes.map((n) => n.address).join(', ') || 'none seen'})`,
      );
    chosen = [node];
  } else if (target.scope === 'dc') {
    chosen = nodes.filter((n) => n.dc === target.dc);
    if (chosen.length === 0) {
      const dcs = [...new Set(nodes.map((n) => n.dc).filter((d) => d !== null))].sort();
      throw new PlanError(`no data centre "${target.dc}" in this cluster (data centres: ${dcs.join(', ')})`);
    }
  } else {
    chosen = [...nodes];
    if (chosen.length === 0) throw new PlanError('the cluster has no nodes the console can see');
  }
  chosen.sort(
    (a, b) =>
      (a.dc ?? '').localeCompare(b.dc ?? '') ||
      (a.rack ?? '').localeCompare(b.rack ?? '') ||
      compareAddresses(a.address, b.address),
  );
  return chosen.map((n, seq) => ({
    seq,
    node: n.address,
    dc: n.dc,
    rack: n.rack,
    state: 'pending' as const,
    startedAt: null,
    endedAt: null,
    message: null,
  }));
}

/**
 * The steps that run together next: one pending step, or with `byRack` every pending step of the
 * first pending step's rack. Without rolling (a single node) it is that node.
 */
export function nextBatch(steps: JobStep[], rolling: Rolling | null): JobStep[] {
  const first = steps.find((s) => s.state === 'pending');
  if (!first) return [];
  if (!rolling?.byRack) return [first];
  return steps.filter((s) => s.state === 'pending' && s.dc === first.dc && s.rack === first.rack);
}

export interface GateFacts {
  nodes: PlanNode[];
  /** Distinct schema versions the nodes report. */
  schemaVersions: { version: string; addresses: string[] }[];
  /** Nodes with a stream session under way (system_views.streaming), with what it is. */
  streaming: { node: string; what: string }[];
}

/**
 * Why the batch may not start now, naming the node and the reason; null when it may. Every node of
 * the batch must be Up, and every other node Up and Normal; one schema version; nothing streaming.
 */
export function gateRefusal(batch: string[], facts: GateFacts): string | null {
  for (const address of batch) {
    const node = facts.nodes.find((n) => n.address === address);
    if (!node) return `node ${address} is no longer in the cluster`;
    if (node.status !== 'Up')
      return `node ${address} is ${node.status}${node.downReason ? ` (${node.downReason})` : ''}`;
  }
  for (const node of facts.nodes) {
    if (batch.includes(node.address)) continue;
    if (node.status !== 'Up')
      return `node ${node.address} is ${node.status}${node.downReason ? ` (${node.downReason})` : ''}: every other node must be Up before ${batch.join(', ')} starts`;
    if (node.state !== 'Normal')
      return `node ${node.address} is ${node.state}: every other node must be Normal before ${batch.join(', ')} starts`;
  }
  if (facts.schemaVersions.length > 1)
    return `the nodes disagree on the schema (${facts.schemaVersions
      .map((v) => `${v.version.slice(0, 8)} on ${v.addresses.join(', ')}`)
      .join('; ')})${mixedReleases(facts.nodes)}`;
  const stream = facts.streaming[0];
  if (stream) return `node ${stream.node} is streaming (${stream.what})`;
  return null;
}

/**
 * Why the schemas differ when the nodes run different releases: nodes of two majors report different
 * schema versions until the upgrade ends (seen with 4.1.10 beside 5.0.9), so the refusal says what to do.
 */
function mixedReleases(nodes: PlanNode[]): string {
  const byRelease = new Map<string, string[]>();
  for (const n of nodes)
    if (n.releaseVersion) byRelease.set(n.releaseVersion, [...(byRelease.get(n.releaseVersion) ?? []), n.address]);
  if (byRelease.size < 2) return '';
  const releases = [...byRelease]
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([release, addresses]) => `${release} on ${addresses.sort(compareAddresses).join(', ')}`)
    .join('; ');
  return `: the cluster is mid-upgrade (${releases}), and nodes of different releases report different schema versions until every node runs the same one; finish the upgrade, or run the operation node by node`;
}

/** The nodes a job holds while active. */
export function nodesOf(job: Pick<Job, 'steps'>): Set<string> {
  return new Set(job.steps.map((s) => s.node));
}

/**
 * An active job that a new one may not run beside: a rolling job (new or existing) over any shared
 * node. Null when none.
 */
export function overlapping(
  candidate: { rolling: Rolling | null; nodes: string[] },
  active: Job[],
): { job: Job; shared: string[] } | null {
  for (const job of active) {
    if (!candidate.rolling && !job.rolling) continue;
    const held = nodesOf(job);
    const shared = candidate.nodes.filter((n) => held.has(n));
    if (shared.length) return { job, shared };
  }
  return null;
}
