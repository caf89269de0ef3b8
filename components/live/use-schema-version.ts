'use client';
import { useEffect } from 'react';
import { useLiveCluster } from './live-cluster';

/** Calls `refetch` whenever the cluster's schema version changes (a schema-change event, as gossip carries it). */
export function useRefetchOnSchemaChange(refetch: () => unknown): void {
  const { snapshot } = useLiveCluster();
  const versions = snapshot?.schemaVersions
    .map((v) => v.version)
    .sort()
    .join(',');
  useEffect(() => {
    if (versions) void refetch();
  }, [versions, refetch]);
}
