import 'server-only';
/** The root router: one router per domain, merged here. */
import { createCallerFactory, createTRPCRouter } from '../trpc';
import { clusterRouter } from './cluster';

export const appRouter = createTRPCRouter({
  cluster: clusterRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
