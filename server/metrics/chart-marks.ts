/**
 * The events a chart marks, grouped so that a busy day stays readable and drawable: the test suite
 * or a schema migration makes hundreds of schema changes an hour, and each was a labelled reference
 * line on every chart (552 on a day of this machine's history froze the metrics page for minutes).
 * Events of one kind within one slot of the range become one mark with their count. Collector gaps
 * are not marks: they break a node's line, so each is kept. Pure.
 */
import type { ClusterEvent } from '../store/events';

/** At most this many slots per kind across a chart's width. */
export const MARK_SLOTS = 48;

export type ChartEvent = ClusterEvent & { count: number };

export function chartMarks(events: readonly ClusterEvent[], from: number, to: number): ChartEvent[] {
  const slotMs = Math.max(1, (to - from) / MARK_SLOTS);
  const marks: ChartEvent[] = [];
  const open = new Map<string, ChartEvent>();
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    if (event.kind === 'collector-gap') {
      marks.push({ ...event, count: 1 });
      continue;
    }
    const key = `${event.kind}:${Math.floor((event.ts - from) / slotMs)}`;
    const mark = open.get(key);
    if (!mark) {
      const first = { ...event, count: 1 };
      open.set(key, first);
      marks.push(first);
      continue;
    }
    mark.count += 1;
    if (mark.node !== event.node) mark.node = null;
    mark.detail = `${mark.count} × ${event.kind}, the last: ${event.detail}`;
  }
  return marks;
}
