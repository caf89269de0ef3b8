/**
 * The disagreement matrix: what each node (row) believes about each peer (column) — Up or Down by
 * its own failure detector, the peer's schema version and generation as its gossip holds them —
 * with every belief that differs from the others' marked, so split views and stuck schema show.
 */
import type { ObserverView } from './observer-view';

export interface Belief {
  status: 'UP' | 'DOWN' | null;
  schema: string | null;
  generation: number | null;
  heartbeat: number | null;
  /** This belief differs from what the other answering observers believe. */
  statusDiffers: boolean;
  schemaDiffers: boolean;
}

export interface DisagreementMatrix {
  peers: string[];
  rows: { observer: string; error: string | null; beliefs: Record<string, Belief | null> }[];
  /** Observers do not all agree on who is Up. */
  splitView: boolean;
  /** More than one schema version is believed in, anywhere. */
  schemaDisagreement: boolean;
}

function majority<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function disagreementMatrix(observers: ObserverView[]): DisagreementMatrix {
  const peers = [
    ...new Set(observers.flatMap((o) => o.gossip.map((g) => g.address)).concat(observers.map((o) => o.address))),
  ].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const answering = observers.filter((o) => o.error === null);
  const raw = (observer: ObserverView, peer: string): Omit<Belief, 'statusDiffers' | 'schemaDiffers'> | null => {
    const entry = observer.gossip.find((g) => g.address === peer);
    if (!entry) return null;
    return {
      status: entry.fdStatus,
      schema: entry.states.SCHEMA?.value ?? null,
      generation: entry.generation,
      heartbeat: entry.heartbeat,
    };
  };
  const usualStatus = new Map(
    peers.map((peer) => [peer, majority(answering.map((o) => raw(o, peer)?.status ?? null))]),
  );
  const usualSchema = majority(
    answering.flatMap((o) => peers.map((peer) => raw(o, peer)?.schema ?? null)).filter((s) => s !== null),
  );

  const believe = (observer: ObserverView, peer: string): Belief | null => {
    const belief = observer.error === null ? raw(observer, peer) : null;
    if (!belief) return null;
    return {
      ...belief,
      statusDiffers: belief.status !== usualStatus.get(peer),
      schemaDiffers: belief.schema !== null && usualSchema !== undefined && belief.schema !== usualSchema,
    };
  };
  const byAddress = (a: ObserverView, b: ObserverView) =>
    a.address.localeCompare(b.address, undefined, { numeric: true });
  const rows = [...observers].sort(byAddress).map((observer) => ({
    observer: observer.address,
    error: observer.error,
    beliefs: Object.fromEntries(peers.map((peer) => [peer, believe(observer, peer)])),
  }));
  const beliefs = rows.flatMap((r) => Object.values(r.beliefs)).filter((b): b is Belief => b !== null);
  return {
    peers,
    rows,
    splitView: beliefs.some((b) => b.statusDiffers),
    schemaDisagreement: new Set(beliefs.map((b) => b.schema).filter((s) => s !== null)).size > 1,
  };
}
