import 'server-only';
/**
 * Start-up checks, run once by instrumentation.ts: a bad configuration or an unusable store stops
 * the server with a message that names the field, instead of failing on the first request.
 */
import { closeAll } from './cluster/registry';
import { config, ConfigError } from './config';
import { startCollectors } from './metrics/collectors';
import { startDeliveryWorker } from './notify/delivery-worker';
import { startMonitors } from './alerts/monitor';
import { startJobRunner } from './jobs/job-runner';
import { startRepairScheduler } from './repair/repair-scheduler';
import { getStore } from './store';
import { logger } from './log/logger';
import { seedAdminFromEnv } from './auth/env-admin';

export function checkStartup(): void {
  const log = logger('startup');
  try {
    const loaded = config();
    getStore();
    startCollectors();
    startDeliveryWorker();
    startMonitors();
    startJobRunner();
    // After the runner: runs a stopped console left are active again, and a schedule of their keyspace waits for them.
    startRepairScheduler();
    closeOnShutdown();
    seedAdminFromEnv().catch((error: unknown) => {
      log.fatal(`ringside: cannot start: ${(error as Error).message}`);
      process.exit(1);
    });
    log.info(
      { clusters: loaded.clusters.map((c) => c.id) },
      `ringside: ${loaded.clusters.length} cluster(s) configured: ${loaded.clusters.map((c) => c.id).join(', ')}`,
    );
  } catch (error) {
    // A configuration error's message names the field; anything else needs its stack.
    if (error instanceof ConfigError) log.fatal(`ringside: cannot start: ${error.message}`);
    else log.fatal({ err: error }, `ringside: cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}

/**
 * On SIGINT/SIGTERM, close the driver clients while Next.js closes its server; Next exits the process
 * itself once its own shutdown is done, so the app never calls process.exit there. The store stays
 * open until then: a request still finishing may write to it, and SQLite's WAL is safe at exit.
 */
function closeOnShutdown(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void closeAll();
    });
  }
}
