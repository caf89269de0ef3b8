import 'server-only';
/**
 * A traced statement's session from system_traces, as a per-node timeline: each node's events in
 * the order they happened (their time-based ids, as cqlsh orders them), placed at their time since
 * the session began, and labelled with `source_elapsed` (microseconds since that thread took up the
 * work, which restarts for each message a node handles, so it cannot order events by itself).
 * Cassandra writes traces asynchronously; the driver waits until the session has its duration.
 */
import { types } from 'cassandra-driver';
import { driverFor } from '../../cluster/registry';
import { InvalidInputError } from '../../cluster/errors';
import { readTrace } from '../../cluster/driver-internals';

export interface TraceEvent {
  node: string;
  thread: string;
  activity: string;
  /** `source_elapsed`, as cqlsh shows it. */
  elapsedUs: number;
  /** Microseconds since the session began, from the event's id (millisecond clock, ordered within it). */
  atUs: number;
}

export interface TraceTimeline {
  traceId: string;
  coordinator: string;
  requestType: string;
  durationUs: number | null;
  startedAt: Date;
  parameters: Record<string, string>;
  nodes: { node: string; events: TraceEvent[] }[];
}

export async function traceTimeline(clusterId: string, traceId: string): Promise<TraceTimeline> {
  let id: types.Uuid;
  try {
    id = types.Uuid.fromString(traceId);
  } catch {
    throw new InvalidInputError(`"${traceId}" is not a trace id (a uuid)`);
  }
  const client = await driverFor(clusterId);
  const trace = await readTrace(client, id, types.consistencies.one);
  const startedAt = new Date(trace.startedAt).getTime();
  const byNode = new Map<string, (TraceEvent & { order: bigint })[]>();
  for (const event of trace.events) {
    const node = event.source.toString();
    const events = byNode.get(node) ?? [];
    const { date, ticks } = event.id.getDatePrecision();
    events.push({
      node,
      thread: event.thread,
      activity: event.activity,
      elapsedUs: event.elapsed,
      atUs: Math.max(0, (date.getTime() - startedAt) * 1000 + Math.floor(ticks / 10)),
      order: BigInt(date.getTime()) * 10_000n + BigInt(ticks),
    });
    byNode.set(node, events);
  }
  const coordinator = trace.coordinator.toString();
  return {
    traceId,
    coordinator,
    requestType: trace.requestType,
    durationUs: trace.duration,
    startedAt: new Date(startedAt),
    parameters: trace.parameters ?? {},
    // The coordinator's lane first: that is where the request starts and ends.
    nodes: [...byNode.entries()]
      .sort(([a], [b]) => (a === coordinator ? -1 : b === coordinator ? 1 : a.localeCompare(b)))
      .map(([node, events]) => ({
        node,
        events: events
          .sort((x, y) => (x.order < y.order ? -1 : x.order > y.order ? 1 : 0))
          .map(({ order: _order, ...event }) => event),
      })),
  };
}
