import 'server-only';
import { config } from '../config';
import { openStore, type Store } from './database';

let store: Store | undefined;

/** The process's one connection to the console store, opened on first use. */
export function getStore(): Store {
  store ??= openStore(config().dataDir);
  return store;
}
