/**
 * The overview's recent events folded from their three sources into one list, newest first: each
 * with its words, a tone (how bad, said in a word on screen as well as colour) and the view that
 * explains it. Pure.
 */
import type { Incident } from '../alerts/alert-store';
import type { Job } from '../jobs/job-types';
import type { ClusterEvent } from '../store/events';
import { describeJob } from '@/lib/job-words';

export type OverviewEventKind =
  | 'node-down'
  | 'node-up'
  | 'schema-change'
  | 'alert-fired'
  | 'alert-resolved'
  | 'operation-started'
  | 'operation-ended';

export type OverviewEventTone = 'ok' | 'bad' | 'warn' | 'info' | 'neutral';

export interface OverviewEvent {
  ts: number;
  kind: OverviewEventKind;
  /** The badge's word: what kind of thing happened. */
  label: string;
  text: string;
  tone: OverviewEventTone;
  /** After /clusters/<id>: the view that explains it. */
  path: string;
}

const SEVERITY_TONE: Record<Incident['severity'], OverviewEventTone> = {
  critical: 'bad',
  error: 'bad',
  warning: 'warn',
  info: 'info',
};

const JOB_END_TONE: Record<Job['state'], OverviewEventTone> = {
  succeeded: 'ok',
  failed: 'bad',
  interrupted: 'warn',
  cancelled: 'neutral',
  queued: 'neutral',
  running: 'info',
  paused: 'warn',
};

function fromTopology(event: ClusterEvent): OverviewEvent | null {
  const node = event.node ? `/nodes/${encodeURIComponent(event.node)}` : '#nodes';
  switch (event.kind) {
    case 'node-down':
      return { ts: event.ts, kind: 'node-down', label: 'node down', text: event.detail, tone: 'bad', path: node };
    case 'node-up':
      return { ts: event.ts, kind: 'node-up', label: 'node up', text: event.detail, tone: 'ok', path: node };
    case 'schema-change':
      return {
        ts: event.ts,
        kind: 'schema-change',
        label: 'schema',
        text: event.detail,
        tone: 'info',
        path: '/gossip',
      };
    default:
      return null;
  }
}

function fromIncident(incident: Incident): OverviewEvent[] {
  const events: OverviewEvent[] = [
    {
      ts: incident.openedAt,
      kind: 'alert-fired',
      label: `${incident.severity} fired`,
      text: incident.title,
      tone: SEVERITY_TONE[incident.severity],
      path: '/alerts',
    },
  ];
  if (incident.resolvedAt !== null)
    events.push({
      ts: incident.resolvedAt,
      kind: 'alert-resolved',
      label: 'resolved',
      text: incident.title,
      tone: 'ok',
      path: '/alerts',
    });
  return events;
}

function fromJob(job: Job): OverviewEvent[] {
  const what = describeJob(job);
  const by = job.requestedBy ? ` (by ${job.requestedBy})` : '';
  const events: OverviewEvent[] = [];
  if (job.startedAt !== null)
    events.push({
      ts: job.startedAt,
      kind: 'operation-started',
      label: 'started',
      text: `${what}${by}`,
      tone: 'info',
      path: '/activity',
    });
  if (job.finishedAt !== null)
    events.push({
      ts: job.finishedAt,
      kind: 'operation-ended',
      label: job.state,
      text: job.message ? `${what}: ${job.message}` : what,
      tone: JOB_END_TONE[job.state],
      path: '/activity',
    });
  return events;
}

export function foldRecentEvents(
  sources: { topology: readonly ClusterEvent[]; incidents: readonly Incident[]; jobs: readonly Job[] },
  limit: number,
): OverviewEvent[] {
  return [
    ...sources.topology.flatMap((e) => fromTopology(e) ?? []),
    ...sources.incidents.flatMap(fromIncident),
    ...sources.jobs.flatMap(fromJob),
  ]
    .sort((a, b) => b.ts - a.ts)
    .slice(0, limit);
}
