import 'server-only';
/**
 * Node operations as jobs: operators start, cancel, pause and resume them (each call is in the audit
 * log through operatorProcedure); viewers read them, live. A start returns the job's id at once: the
 * work happens in the server's job runner, never inside this request.
 */
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { JOB_KINDS, jobFilterSchema, jobTargetSchema, rollingSchema } from '../jobs/job-types';
import { cancelJob, jobDetail, jobsOf, jobsPoller, pauseJob, resumeJob, startJob } from '../jobs/jobs-service';
import { snapshotsOf } from '../jobs/snapshots';
import { previewRepair, startRepair } from '../repair/repair-service';
import { clusterInput, createTRPCRouter, operatorProcedure, viewerProcedure } from '../trpc';

const jobId = clusterInput.extend({ id: z.string().uuid() });

export const operationsRouter = createTRPCRouter({
  /** Starts flush, compaction, cleanup, … on a node, or rolling over a DC or the cluster. */
  start: operatorProcedure
    .input(
      clusterInput.extend({
        kind: z.enum(JOB_KINDS),
        target: jobTargetSchema,
        params: z.record(z.string(), z.unknown()).default({}),
        rolling: rollingSchema.nullable().default(null),
      }),
    )
    .mutation(({ input, ctx }) =>
      startJob({
        clusterId: ctx.cluster.id,
        kind: input.kind,
        target: input.target,
        params: input.params,
        rolling: input.rolling,
        requestedBy: ctx.principal.email,
      }),
    ),

  /** The segments and the exact repairAsync options map a repair run would use, before it runs. */
  repairPreview: viewerProcedure
    .input(clusterInput.extend({ settings: z.record(z.string(), z.unknown()) }))
    .query(({ input, ctx }) => previewRepair(ctx.cluster.id, input.settings)),

  /** Starts a segmented repair run of a keyspace (full or incremental); returns the job's id at once. */
  repairStart: operatorProcedure
    .input(clusterInput.extend({ settings: z.record(z.string(), z.unknown()) }))
    .mutation(({ input, ctx }) => startRepair(ctx.cluster.id, input.settings, ctx.principal.email)),

  list: viewerProcedure
    .input(clusterInput.extend(jobFilterSchema.shape))
    .query(({ input, ctx }) => jobsOf(ctx.cluster.id, input)),

  get: viewerProcedure.input(jobId).query(({ input, ctx }) => jobDetail(ctx.cluster.id, input.id)),

  /** The cluster's latest jobs with progress, every second while watched. */
  live: viewerProcedure
    .input(clusterInput.extend({ lastEventId: z.string().nullish() }))
    .subscription(async function* ({ input, ctx, signal }) {
      for await (const snapshot of jobsPoller(ctx.cluster.id).stream(signal, input.lastEventId))
        yield tracked(snapshot.id, snapshot.value);
    }),

  cancel: operatorProcedure
    .input(jobId)
    .mutation(({ input, ctx }) => cancelJob(ctx.cluster.id, input.id, ctx.principal.email)),

  pause: operatorProcedure
    .input(jobId)
    .mutation(({ input, ctx }) => pauseJob(ctx.cluster.id, input.id, ctx.principal.email)),

  /** Resumes a paused, failed (rolling) or interrupted job from the node it stopped at. */
  resume: operatorProcedure
    .input(jobId)
    .mutation(({ input, ctx }) => resumeJob(ctx.cluster.id, input.id, ctx.principal.email)),

  /** Each node's snapshots (nodetool listsnapshots), or one node's. */
  snapshots: viewerProcedure
    .input(clusterInput.extend({ node: z.string().min(1).max(100).optional() }))
    .query(({ input, ctx }) => snapshotsOf(ctx.cluster.id, input.node)),
});
