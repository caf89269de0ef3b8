/** What one node's own gossip and failure detector say of every endpoint, as one poll read it. */
import type { EndpointState } from './endpoint-states';

export interface GossipEntry extends EndpointState {
  address: string;
  /** The observer's failure detector on this endpoint, and its phi (none for itself). */
  fdStatus: 'UP' | 'DOWN' | null;
  phi: number | null;
  /**
   * Whether the heartbeat moved within the last STALL_MS (nodes/snapshot.ts), as this observer sees it: a remote peer's
   * heartbeat reaches an observer only with gossip rounds, so two polls a second apart can agree.
   * Null until a change has been seen.
   */
  heartbeatAdvancing: boolean | null;
  /** When this observer last saw the heartbeat (or generation) change, ms since 1970. */
  heartbeatChangedAt: number | null;
}

export interface ObserverView {
  address: string;
  error: string | null;
  schemaVersion: string | null;
  gossip: GossipEntry[];
}
