/**
 * Records the Jolokia bulk answers that cluster.nodes asks each node for, from the real local
 * cluster, as fixtures for the unit tests of the merge logic.
 *   npx tsx --conditions=react-server scripts/record-node-views.ts <label> [addresses…]
 * writes testing/recorded/<label>.json.
 */
import { writeFileSync } from 'node:fs';
import { jolokiaBulk } from '@/server/cluster/jolokia';
import { jolokiaTarget } from '@/server/cluster/node-bulk';
import { clusterConfig } from '@/server/cluster/registry';
import { NODE_VIEW_REQUESTS } from '@/server/nodes/node-view';

const [label, ...given] = process.argv.slice(2);
if (!label) throw new Error('usage: record-node-views.ts <label> [addresses…]');
const addresses = given.length > 0 ? given : ['127.0.0.1', '127.0.0.2', '127.0.0.3'];

async function main() {
  const answers = await Promise.all(
    addresses.map(async (address) => {
      // The demo cluster's configuration: its URL template and the agents' credentials.
      const target = jolokiaTarget(clusterConfig('demo'), address);
      try {
        return { address, results: await jolokiaBulk(target, NODE_VIEW_REQUESTS) };
      } catch (error) {
        return { address, error: (error as Error).message, failure: (error as { failure?: string }).failure };
      }
    }),
  );
  const file = `testing/recorded/${label}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ recordedAt: new Date().toISOString(), source: 'the real local cluster (npm run cluster), by scripts/record-node-views.ts', answers }, null, 2)}\n`,
  );
  console.log(`wrote ${file}`);
}

void main();
