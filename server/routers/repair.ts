import 'server-only';
/**
 * Repair schedules and the gc_grace_seconds warning. Viewers read them; operators add, change, pause,
 * resume and delete schedules (each call in the audit log through operatorProcedure). Starting a run
 * by hand and its preview stay in the operations router (operations.repairStart, .repairPreview).
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { gcGraceReport } from '../repair/gc-grace-service';
import {
  createSchedule,
  pauseSchedule,
  removeSchedule,
  resumeSchedule,
  schedulesOf,
  updateSchedule,
} from '../repair/schedule-service';
import { scheduleChangeSchema, scheduleInputSchema } from '../repair/schedule-types';
import { clusterInput, createTRPCRouter, operatorProcedure, viewerProcedure } from '../trpc';

const scheduleId = clusterInput.extend({ id: z.string().uuid() });

function found<T>(value: T | undefined, clusterId: string, id: string): T {
  if (value === undefined)
    throw new TRPCError({ code: 'NOT_FOUND', message: `no repair schedule ${id} on cluster ${clusterId}` });
  return value;
}

export const repairRouter = createTRPCRouter({
  /** The cluster's schedules with their next due time and last run (and its state). */
  schedules: viewerProcedure.input(clusterInput).query(({ ctx }) => schedulesOf(ctx.cluster.id)),

  /** A run of the keyspace every N days from a first start; checked as a run by hand would be. */
  createSchedule: operatorProcedure
    .input(clusterInput.extend(scheduleInputSchema.shape))
    .mutation(({ input, ctx }) => createSchedule(ctx.cluster.id, input, ctx.principal.email)),

  updateSchedule: operatorProcedure
    .input(scheduleId.extend({ change: scheduleChangeSchema }))
    .mutation(async ({ input, ctx }) =>
      found(
        await updateSchedule(ctx.cluster.id, input.id, input.change, ctx.principal.email),
        ctx.cluster.id,
        input.id,
      ),
    ),

  pauseSchedule: operatorProcedure
    .input(scheduleId)
    .mutation(({ input, ctx }) =>
      found(pauseSchedule(ctx.cluster.id, input.id, ctx.principal.email), ctx.cluster.id, input.id),
    ),

  resumeSchedule: operatorProcedure
    .input(scheduleId)
    .mutation(({ input, ctx }) =>
      found(resumeSchedule(ctx.cluster.id, input.id, ctx.principal.email), ctx.cluster.id, input.id),
    ),

  deleteSchedule: operatorProcedure
    .input(scheduleId)
    .mutation(({ input, ctx }) => found(removeSchedule(ctx.cluster.id, input.id), ctx.cluster.id, input.id)),

  /** Tables past (or near) their gc_grace_seconds since their last full repair by Ringside, or never repaired. */
  gcGrace: viewerProcedure.input(clusterInput).query(({ ctx }) => gcGraceReport(ctx.cluster.id)),
});
