'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useMayAct } from '@/components/auth/use-cluster-role';
import { useLiveCluster } from '@/components/live/live-cluster';
import { useRefetchOnSchemaChange } from '@/components/live/use-schema-version';
import { ErrorBox } from '@/components/ui/error-box';
import { flag, urlParams } from '@/components/url/url-params';
import { useUrlState } from '@/components/url/use-url-state';
import { ReplicationEditor } from './replication-editor';
import { useReplicationKeyspaces } from './use-replication';

// Whether system keyspaces are listed is in the URL (?system=0 hides them), so the shorter list can be linked to.
const LIST_PARAMS = urlParams({ system: flag(true) });

/** Every keyspace with its strategy, factor per DC and the warnings its replication deserves. */
export function KeyspaceList() {
  const { clusterId } = useLiveCluster();
  const mayAlter = useMayAct(clusterId, 'operator');
  const [editing, setEditing] = useState<string | null>(null);
  const [{ system: showSystem }, setParams] = useUrlState(LIST_PARAMS);
  const list = useReplicationKeyspaces(clusterId);
  useRefetchOnSchemaChange(list.refetch);
  if (list.isError) return <ErrorBox title="Cannot read the keyspaces:" error={list.error} testId="keyspaces-error" />;
  if (!list.data) return <p className="muted">Loading keyspaces…</p>;
  const dcs = Object.keys(list.data.nodesPerDc).sort();
  return (
    <>
      <label className="picker">
        <input
          type="checkbox"
          checked={showSystem}
          onChange={(e) => setParams({ system: e.target.checked })}
          data-testid="show-system"
        />{' '}
        show system keyspaces
      </label>
      <table className="nodes keyspaces" data-testid="keyspace-list">
        <thead>
          <tr>
            <th>Keyspace</th>
            <th>Strategy</th>
            {dcs.map((dc) => (
              <th key={dc}>
                {dc} <span className="muted">({list.data.nodesPerDc[dc]} nodes)</span>
              </th>
            ))}
            <th>Warnings</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.data.keyspaces
            .filter((k) => showSystem || !k.system)
            .map((k) => (
              <tr key={k.name} data-testid={`keyspace-row-${k.name}`}>
                <td>
                  <Link href={`/clusters/${clusterId}/keyspaces/${k.name}`}>{k.name}</Link>
                </td>
                <td>{k.replication.strategy}</td>
                {dcs.map((dc) => (
                  <td key={dc} data-testid={`rf-${dc}`}>
                    {k.replication.strategy === 'SimpleStrategy'
                      ? `${k.replication.factors['*']} (ring-wide)`
                      : (k.replication.factors[dc] ?? '—')}
                  </td>
                ))}
                <td>
                  <ul className="warnings">
                    {k.warnings.map((w) => (
                      <li key={w.message} className={`w-${w.severity}`} data-testid="keyspace-warning" title={w.fix}>
                        {w.message}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {mayAlter &&
                  (k.replication.strategy === 'SimpleStrategy' ||
                    k.replication.strategy === 'NetworkTopologyStrategy') ? (
                    <button type="button" data-testid={`edit-${k.name}`} onClick={() => setEditing(k.name)}>
                      Edit replication
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {editing ? (
        <ReplicationEditor
          key={editing}
          keyspace={editing}
          current={list.data.keyspaces.find((k) => k.name === editing)!.replication}
          dcs={dcs}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
