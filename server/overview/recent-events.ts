import 'server-only';
/**
 * The overview's recent events: node down/up and schema changes (recorded by the topology poller),
 * alerts fired and resolved (the alert store's incidents), operations started and ended (the job
 * store). Three reads of the console's own SQLite store; nothing here asks the cluster.
 */
import { latestIncidentChanges } from '../alerts/alert-store';
import { jobsOf } from '../jobs/jobs-service';
import { isUnreadable, type Job } from '../jobs/job-types';
import { getStore } from '../store';
import { latestEvents } from '../store/events';
import { foldRecentEvents, type OverviewEvent } from './event-fold';

export type { OverviewEvent };

export function recentEvents(clusterId: string, limit: number): OverviewEvent[] {
  // Collector gaps repeat every poll while a node is down (its node-down says it once); jobs are read
  // from their own store, which knows when each started and ended.
  const topology = latestEvents(clusterId, limit, ['collector-gap', 'operation']);
  const incidents = latestIncidentChanges(getStore(), clusterId, limit);
  const jobs = jobsOf(clusterId, { limit }).filter((job): job is Job => !isUnreadable(job));
  return foldRecentEvents({ topology, incidents, jobs }, limit);
}
