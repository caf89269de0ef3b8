import 'server-only';
/**
 * Start-up checks, run once by instrumentation.ts: a bad configuration or an unusable store stops
 * the server with a message that names the field, instead of failing on the first request.
 */
import { config, ConfigError } from './config';
import { startCollectors } from './metrics/collectors';
import { getStore } from './store';

export function checkStartup(): void {
  try {
    const loaded = config();
    getStore();
    startCollectors();
    console.log(
      `ringside: ${loaded.clusters.length} cluster(s) configured: ${loaded.clusters.map((c) => c.id).join(', ')}`,
    );
  } catch (error) {
    console.error(`ringside: cannot start: ${error instanceof ConfigError ? error.message : (error as Error).stack}`);
    process.exit(1);
  }
}
