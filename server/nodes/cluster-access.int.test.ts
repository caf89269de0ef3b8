import { afterAll, describe, expect, it } from 'vitest';
import { nodetoolStatus } from '@/localcluster/harness';
import { TEST_CONFIG } from '@/testing/test-caller';
import { readNodeViews } from './node-view';
import { closeAll, clusterConfig, driverFor } from '../cluster/registry';

process.env.RINGSIDE_CONFIG = TEST_CONFIG;
afterAll(closeAll);

describe('cluster access against the real local cluster', () => {
  it('the driver sees every node nodetool sees, in the same DC and rack', async () => {
    const client = await driverFor('demo');
    const seen = client.hosts
      .values()
      .map((h) => [h.address.split(':')[0], h.datacenter, h.rack, h.hostId.toString()].join(' '))
      .sort();
    const expected = nodetoolStatus(1)
      .map((r) => [r.address, r.dc, r.rack, r.hostId].join(' '))
      .sort();
    expect(seen).toEqual(expected);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it('Jolokia answers on every node with its own view of the cluster', async () => {
    const client = await driverFor('demo');
    const addresses = client.hosts.values().map((h) => h.address.split(':')[0] ?? h.address);
    const results = await readNodeViews(clusterConfig('demo'), addresses);
    for (const result of results) {
      expect('view' in result ? result.view.clusterName : result.error.message).toBe('demo');
      if ('view' in result) {
        expect(result.view.address).toBe(result.address);
        expect(result.view.releaseVersion).toMatch(/^5\.0\./);
        expect(result.view.live.length).toBe(addresses.length);
      }
    }
  });
});
