import { describe, expect, it } from 'vitest';
import { parseNodetoolStatus } from './nodetool-status';

// Recorded from `npm run cluster -- nodetool 1 status` on the local Cassandra 5.0.9 cluster, node 3 killed.
const RECORDED = `Datacenter: dc1
===============
Status=Up/Down
|/ State=Normal/Leaving/Joining/Moving
--  Address    Load        Tokens  Owns (effective)  Host ID                               Rack 
UN  127.0.0.2  145.9 KiB   16      66.7%             d7363419-b3fd-4315-bf1b-b898eb69c2a3  rack1
UN  127.0.0.1  92.34 KiB   16      66.7%             e0b76021-63ee-4fdd-aecb-7b11b6558a5a  rack1

Datacenter: dc2
===============
Status=Up/Down
|/ State=Normal/Leaving/Joining/Moving
--  Address    Load        Tokens  Owns (effective)  Host ID                               Rack 
DN  127.0.0.3  134.46 KiB  16      66.7%             b217745c-fe28-4faf-bc50-e9923ac39b1c  rack1
`;

describe('parseNodetoolStatus', () => {
  it('reads every node with its DC, status, state and load', () => {
    const rows = parseNodetoolStatus(RECORDED);
    expect(rows.map((r) => [r.dc, r.address, r.status, r.state])).toEqual([
      ['dc1', '127.0.0.2', 'Up', 'Normal'],
      ['dc1', '127.0.0.1', 'Up', 'Normal'],
      ['dc2', '127.0.0.3', 'Down', 'Normal'],
    ]);
    expect(rows[2]).toMatchObject({
      load: '134.46 KiB',
      tokens: 16,
      owns: '66.7%',
      rack: 'rack1',
      hostId: 'b217745c-fe28-4faf-bc50-e9923ac39b1c',
    });
  });

  it('finds nothing in text that is not a status table', () => {
    expect(parseNodetoolStatus('nodetool: Failed to connect to 127.0.0.1:7100')).toEqual([]);
  });
});
