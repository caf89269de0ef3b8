import { describe, expect, it } from 'vitest';
import { parseNodetoolRing } from './nodetool-ring';

// Recorded from `npm run cluster -- nodetool 1 ring` on the local Cassandra 5.0.9 cluster (shortened).
const RECORDED = `
Datacenter: dc1
==========
Address         Rack        Status State   Load            Owns                Token                                       
                                                                               8454757700450211142                         
127.0.0.1       rack1       Up     Normal  195.09 KiB      66.67%              -9223372036854775808                        
127.0.0.2       rack1       Down   Normal  187.75 KiB      33.33%              -8839064868652493483                        

Datacenter: dc2
==========
Address         Rack        Status State   Load            Owns                Token                                       
                                                                               8839064868652493467                         
127.0.0.3       rack1       Up     Normal  195.47 KiB      100.00%             -8454757700450211158                        
`;

describe('parseNodetoolRing', () => {
  it('reads every (token, address) row with its DC, skipping the wrap-around token line', () => {
    expect(parseNodetoolRing(RECORDED)).toEqual([
      { dc: 'dc1', address: '127.0.0.1', token: '-9223372036854775808' },
      { dc: 'dc1', address: '127.0.0.2', token: '-8839064868652493483' },
      { dc: 'dc2', address: '127.0.0.3', token: '-8454757700450211158' },
    ]);
  });
});
