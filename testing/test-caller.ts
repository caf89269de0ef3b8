/**
 * Shared set-up for tests that call the routers against the real local cluster: the test
 * configuration (the demo cluster plus two deliberately broken ones) and a caller.
 */
import { fileURLToPath } from 'node:url';
import { createCaller } from '@/server/routers/_app';
import { createContext } from '@/server/trpc';

export const TEST_CONFIG = fileURLToPath(new URL('../e2e/ringside.test.config.json', import.meta.url));

export function testCaller() {
  process.env.RINGSIDE_CONFIG = TEST_CONFIG;
  return createCaller(createContext({ headers: new Headers() }));
}
