/**
 * Parses the gossip state text that FailureDetector.AllEndpointStatesWithPort returns (the same
 * text `nodetool gossipinfo` prints):
 *   /127.0.0.1:7000
 *     generation:1795622434
 *     heartbeat:65
 *     STATUS:23:NORMAL,-1152921504606846983
 * Application states are `NAME:version:value`; the value may itself contain colons.
 */
export interface AppState {
  version: number;
  value: string;
}

export interface EndpointState {
  /** ip:port, without the leading slash. */
  endpoint: string;
  generation: number | null;
  heartbeat: number | null;
  states: Record<string, AppState>;
}

export function parseEndpointStates(text: string): EndpointState[] {
  const result: EndpointState[] = [];
  let current: EndpointState | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      current = { endpoint: line.trim().replace(/^[^/]*\//, ''), generation: null, heartbeat: null, states: {} };
      result.push(current);
      continue;
    }
    if (!current) continue;
    const entry = line.trim();
    const generation = /^generation:(\d+)$/.exec(entry);
    if (generation) {
      current.generation = Number(generation[1]);
      continue;
    }
    const heartbeat = /^heartbeat:(\d+)$/.exec(entry);
    if (heartbeat) {
      current.heartbeat = Number(heartbeat[1]);
      continue;
    }
    const [, key, version, value] = /^([A-Z_0-9]+):(\d+):(.*)$/.exec(entry) ?? [];
    if (key !== undefined && version !== undefined && value !== undefined)
      current.states[key] = { version: Number(version), value };
  }
  return result;
}

/** STATUS_WITH_PORT (4.0+) or STATUS, without the token that follows the comma: NORMAL, LEAVING, shutdown… */
export function gossipStatus(state: EndpointState): string | null {
  const raw = state.states.STATUS_WITH_PORT?.value ?? state.states.STATUS?.value;
  return raw ? (raw.split(',')[0] ?? null) : null;
}
