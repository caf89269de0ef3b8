import 'server-only';
/**
 * A traced statement's session from system_traces, as a per-node timeline: each node's events in
 * the order they happened there, placed by `source_elapsed` (microseconds since that node took up
 * the request). Cassandra writes traces asynchronously; the driver waits until the session has its
 * duration, so the events are complete when this returns.
 */
import { types } from 'cassandra-driver';
import { driverFor } from '../cluster/registry';
import { InvalidInputError } from '../cluster/errors';

export interface TraceEvent {
  node: string;
  thread: string;
  activity: string;
  elapsedUs: number;
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

interface DriverTrace {
  requestType: string;
  coordinator: types.InetAddress;
  parameters: Record<string, string> | null;
  startedAt: Date | number;
  duration: number | null;
  events: { id: types.TimeUuid; activity: string; source: types.InetAddress; elapsed: number; thread: string }[];
}

export async function traceTimeline(clusterId: string, traceId: string): Promise<TraceTimeline> {
  let id: types.Uuid;
  try {
    id = types.Uuid.fromString(traceId);
  } catch {
    throw new InvalidInputError(`"${traceId}" is not a trace id (a uuid)`);
  }
  const client = await driverFor(clusterId);
  const trace = (await client.metadata.getTrace(id, types.consistencies.one)) as unknown as DriverTrace;
  const byNode = new Map<string, TraceEvent[]>();
  for (const event of trace.events) {
    const node = event.source.toString();
    const events = byNode.get(node) ?? [];
    events.push({ node, thread: event.thread, activity: event.activity, elapsedUs: event.elapsed });
    byNode.set(node, events);
  }
  const coordinator = trace.coordinator.toString();
  return {
    traceId,
    coordinator,
    requestType: trace.requestType,
    durationUs: trace.duration,
    startedAt: new Date(trace.startedAt),
    parameters: trace.parameters ?? {},
    // The coordinator's lane first: that is where the request starts and ends.
    nodes: [...byNode.entries()]
      .sort(([a], [b]) => (a === coordinator ? -1 : b === coordinator ? 1 : a.localeCompare(b)))
      .map(([node, events]) => ({ node, events: events.sort((x, y) => x.elapsedUs - y.elapsedUs) })),
  };
}
