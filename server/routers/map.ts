// The process map (directly-follows graph with frequencies and times) of a log from one perspective.
import { z } from 'zod';
import { processMap } from '../../mining';
import { filters, logId, percent, period, perspective } from '../schemas';
import { cachedAnswer } from '../result-cache';
import { readProcedure, router } from '../trpc';

export const mapRouter = router({
  process: readProcedure
    .input(
      z.object({
        logId,
        perspective: perspective.optional(),
        period: period.optional(),
        filters,
        activityPct: percent.default(100),
        pathPct: percent.default(100),
      }),
    )
    .query(async ({ ctx, input }) => cachedAnswer(await ctx.store(), input.logId, 'map.process', input, async () => processMap(await ctx.store(), input))),
});
