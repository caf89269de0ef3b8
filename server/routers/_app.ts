import 'server-only';
/** The root router: one router per domain, merged here. */
import { createCallerFactory, createTRPCRouter } from '../trpc';
import { alertsRouter } from './alerts';
import { auditRouter } from './audit';
import { authRouter } from './auth';
import { clusterRouter } from './cluster';
import { compactionRouter } from './compaction';
import { destinationsRouter } from './destinations';
import { gossipRouter } from './gossip';
import { homeRouter } from './home';
import { metricsRouter } from './metrics';
import { operationsRouter } from './operations';
import { overviewRouter } from './overview';
import { repairRouter } from './repair';
import { replicationRouter } from './replication';
import { ringRouter } from './ring';
import { queryRouter } from './query';
import { schemaRouter } from './schema';
import { searchRouter } from './search';
import { usersRouter } from './users';

export const appRouter = createTRPCRouter({
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
  alerts: alertsRouter,
  cluster: clusterRouter,
  home: homeRouter,
  ring: ringRouter,
  gossip: gossipRouter,
  schema: schemaRouter,
  replication: replicationRouter,
  metrics: metricsRouter,
  compaction: compactionRouter,
  operations: operationsRouter,
  repair: repairRouter,
  query: queryRouter,
  destinations: destinationsRouter,
  search: searchRouter,
  overview: overviewRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
