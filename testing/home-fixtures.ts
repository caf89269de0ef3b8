/** A home card's summary as the home stream sends it: a healthy three-node cluster unless changed. */
import type { ClusterSummary } from '@/components/home/home-state';

export function summary(id: string, change: Partial<ClusterSummary> = {}): ClusterSummary {
  return {
    id,
    name: id,
    takenAt: 1000,
    error: null,
    nothingAnswers: false,
    pollError: null,
    up: 3,
    total: 3,
    dcs: [
      { dc: 'dc1', up: 2, total: 2 },
      { dc: 'dc2', up: 1, total: 1 },
    ],
    down: [],
    downCount: 0,
    agentErrors: [],
    agentErrorCount: 0,
    schemaVersions: 1,
    loadBytes: 3 * 1024 ** 2,
    alerts: { monitored: true, incidents: 0, firing: 0, error: null },
    ...change,
  };
}
