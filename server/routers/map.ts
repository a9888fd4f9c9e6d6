// The process map (directly-follows graph with frequencies) of a log from one perspective.
import { z } from 'zod';
import { processMap } from '../../mining';
import { logId, percent, period } from '../schemas';
import { readProcedure, router } from '../trpc';

export const mapRouter = router({
  process: readProcedure
    .input(
      z.object({
        logId,
        perspective: z.enum(['order']).default('order'),
        period: period.optional(),
        activityPct: percent.default(100),
        pathPct: percent.default(100),
      }),
    )
    .query(async ({ ctx, input }) => processMap(await ctx.store(), input)),
});
