// KPIs: the headline numbers of a period (with the previous period) and their weekly trend, over
// the orders the filters select (a scoped owner's scope arrives there: trpc.ts ownerScope).
import { z } from 'zod';
import { kpiTrend, overviewKpis } from '../../mining';
import { filters, isoDate, logId, period } from '../schemas';
import { cachedAnswer } from '../result-cache';
import { readProcedure, router } from '../trpc';

export const kpiRouter = router({
  overview: readProcedure
    .input(z.object({ logId, period: period.optional(), filters }))
    .query(async ({ ctx, input }) => cachedAnswer(await ctx.store(), input.logId, 'kpi.overview', input, async () => overviewKpis(await ctx.store(), input))),

  trend: readProcedure
    .input(
      z.object({
        logId,
        from: isoDate.optional(),
        to: isoDate.optional(),
        grain: z.enum(['week', 'month']).default('week'),
        filters,
      }),
    )
    .query(async ({ ctx, input }) => cachedAnswer(await ctx.store(), input.logId, 'kpi.trend', input, async () => kpiTrend(await ctx.store(), input))),
});
