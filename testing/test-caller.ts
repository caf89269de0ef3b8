/**
 * Shared set-up for tests that call the routers against the real local cluster: the test
 * configuration (the demo cluster plus deliberately broken ones) and a signed-in caller.
 */
import { fileURLToPath } from 'node:url';
import type { Grant } from '@/lib/roles';
import { createCaller } from '@/server/routers/_app';
import { createContext } from '@/server/trpc';
import { EVERYWHERE_ADMIN, sessionHeaders } from './test-session';

export const TEST_CONFIG = fileURLToPath(new URL('../e2e/ringside.test.config.json', import.meta.url));

/** A caller signed in with these grants (admin of every cluster unless told). */
export async function testCaller(grants: Grant[] = EVERYWHERE_ADMIN) {
  process.env.RINGSIDE_CONFIG = TEST_CONFIG;
  return createCaller(createContext({ headers: await sessionHeaders(grants) }));
}
