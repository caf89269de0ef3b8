/**
 * Parses `nodetool ring` text into (token, address) pairs, to hold the console's ring to it.
 * Each DC lists its nodes' tokens; the union is every token of the cluster:
 *   127.0.0.1       rack1       Up     Normal  195.09 KiB      66.67%              -9223372036854775808
 */
export interface NodetoolRingEntry {
  dc: string;
  address: string;
  token: string;
}

const ROW = /^(\d{1,3}(?:\.\d{1,3}){3})\s+\S+\s+(?:Up|Down|\?)\s+\S+\s+.*?\s(-?\d+)\s*$/;

export function parseNodetoolRing(text: string): NodetoolRingEntry[] {
  const entries: NodetoolRingEntry[] = [];
  let dc = '';
  for (const line of text.split('\n')) {
    const dcName = /^Datacenter: (\S+)/.exec(line)?.[1];
    if (dcName !== undefined) dc = dcName;
    const [, address, token] = ROW.exec(line) ?? [];
    if (address !== undefined && token !== undefined) entries.push({ dc, address, token });
  }
  return entries;
}
