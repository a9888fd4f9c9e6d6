// The generic views of a log (mining/views): variants, durations, throughput, rework, where time
// goes and work in progress. Every procedure takes the same log, perspective and filters.
import { z } from 'zod';
import { BOTTLENECK_DIMENSIONS, caseDurations, rework, throughputTime, transitionTimes, variants, waitingAndProcessing, workInProgress } from '../../mining/views';
import { isoDate, viewInput } from '../schemas';
import { cachedAnswer } from '../result-cache';
import { readProcedure, router } from '../trpc';

const activity = z.string().min(1).max(500);

export const viewsRouter = router({
  variants: readProcedure
    .input(viewInput.extend({ limit: z.number().int().min(1).max(10_000).default(100) }))
    .query(async ({ ctx, input }) => cachedAnswer(await ctx.store(), input.logId, 'views.variants', input, async () => variants(await ctx.store(), input))),
  durations: readProcedure.input(viewInput).query(async ({ ctx, input }) => caseDurations(await ctx.store(), input)),
  throughput: readProcedure
    .input(viewInput.extend({ from: activity, to: activity }))
    .query(async ({ ctx, input }) => throughputTime(await ctx.store(), input)),
  rework: readProcedure.input(viewInput).query(async ({ ctx, input }) => rework(await ctx.store(), input)),
  transitions: readProcedure
    .input(viewInput.extend({ dimension: z.enum(BOTTLENECK_DIMENSIONS).default('none'), limit: z.number().int().min(1).max(10_000).default(200) }))
    .query(async ({ ctx, input }) => cachedAnswer(await ctx.store(), input.logId, 'views.transitions', input, async () => transitionTimes(await ctx.store(), input))),
  wip: readProcedure
    .input(viewInput.extend({ from: isoDate, to: isoDate }))
    .query(async ({ ctx, input }) => cachedAnswer(await ctx.store(), input.logId, 'views.workInProgress', input, async () => workInProgress(await ctx.store(), input))),
  waitingProcessing: readProcedure.input(viewInput).query(async ({ ctx, input }) => waitingAndProcessing(await ctx.store(), input)),
});
