/**
 * What the node table and the node page mark beside Cassandra's own Up/Down: a node with a firing
 * alert of its own, and a node the console's CQL probe finds not answering. Pure.
 */
import type { AlertsView } from './alert-format';

export interface NodeAlertMarks {
  /** Nodes named by a firing alert (a member or a muted one). */
  alerting: ReadonlySet<string>;
  /** Nodes not answering the probe: why, and since when. */
  notAnswering: ReadonlyMap<string, { reason: string | null; since: number }>;
}

export function nodeMarksOf(view: AlertsView | undefined): NodeAlertMarks | undefined {
  if (!view) return undefined;
  return {
    alerting: new Set(view.alertingNodes),
    notAnswering: new Map(
      view.probes.filter((p) => !p.answering).map((p) => [p.address, { reason: p.reason, since: p.since }]),
    ),
  };
}

export function hasMark(marks: NodeAlertMarks | undefined, address: string): boolean {
  return marks !== undefined && (marks.alerting.has(address) || marks.notAnswering.has(address));
}
