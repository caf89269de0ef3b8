import 'server-only';
import { config } from '../config';
import { processSingleton } from '../process-singleton';
import { openStore, type Store } from './database';

/** The process's one connection to the console store, opened on first use. */
export function getStore(): Store {
  return processSingleton('console-store', () => openStore(config().dataDir));
}
