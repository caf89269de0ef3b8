/**
 * Parses `nodetool status` text, so tests and benchmarks can hold the console to what Cassandra's
 * own tool says. Lines look like:
 *   UN  127.0.0.2  145.9 KiB   16      66.7%             d7363419-b3fd-4315-bf1b-b898eb69c2a3  rack1
 */
export interface NodetoolStatusRow {
  dc: string;
  status: 'Up' | 'Down';
  state: 'Normal' | 'Leaving' | 'Joining' | 'Moving';
  address: string;
  load: string;
  tokens: number;
  owns: string;
  hostId: string;
  rack: string;
}

const STATUS = { U: 'Up', D: 'Down' } as const;
const STATE = { N: 'Normal', L: 'Leaving', J: 'Joining', M: 'Moving' } as const;
const ROW = /^([UD])([NLJM])\s+(\S+)\s+(.+?)\s+(\d+)\s+(\S+)\s+([0-9a-f-]{36})\s+(\S+)\s*$/;

/** Capture group `index` of a ROW match; every group of ROW is mandatory, so a missing one is a bug. */
function group(m: RegExpExecArray, index: number): string {
  const value = m[index];
  if (value === undefined) throw new Error(`nodetool status row "${m[0]}" has no capture group ${index}`);
  return value;
}

export function parseNodetoolStatus(text: string): NodetoolStatusRow[] {
  const rows: NodetoolStatusRow[] = [];
  let dc = '';
  for (const line of text.split('\n')) {
    const dcName = /^Datacenter: (\S+)/.exec(line)?.[1];
    if (dcName !== undefined) {
      dc = dcName;
      continue;
    }
    const m = ROW.exec(line);
    if (!m) continue;
    rows.push({
      dc,
      status: STATUS[group(m, 1) as keyof typeof STATUS],
      state: STATE[group(m, 2) as keyof typeof STATE],
      address: group(m, 3),
      load: group(m, 4).trim(),
      tokens: Number(group(m, 5)),
      owns: group(m, 6),
      hostId: group(m, 7),
      rack: group(m, 8),
    });
  }
  return rows;
}
