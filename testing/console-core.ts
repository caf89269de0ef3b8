/**
 * Test support: the console's always-on half — the start-up that instrumentation.ts runs (store,
 * collectors, alert monitors, delivery worker) — as a process of its own with no HTTP server and so
 * no browser or subscriber. Integration tests and benchmarks start it with `startConsoleCore`, kill
 * it as a crash would, and start it again on the same store.
 *   npx tsx --conditions=react-server testing/console-core.ts   (RINGSIDE_CONFIG names its config)
 */
import { checkStartup } from '@/server/startup';

checkStartup();
// The console's timers are unref'd (a server's lifetime is its HTTP listener's); this one stands in for it.
const keepAlive = setInterval(() => undefined, 60_000);
// Under Next.js the server exits on SIGTERM once it has closed; start-up's own handler only closes the
// driver clients (and, being a handler, stops Node's default exit). Here nothing else would end it.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    clearInterval(keepAlive);
    setTimeout(() => process.exit(0), 200).unref();
  });
