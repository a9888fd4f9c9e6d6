// Logs: which logs the workspace holds, and the span of time one of them covers.
import { z } from 'zod';
import { dataRange, filterOptions, logPerspectives, logSummaries } from '../../mining';
import { NotFoundError } from '../errors';
import { defaultMonth, monthsCovered } from '../periods';
import { logId, perspective } from '../schemas';
import { readProcedure, router } from '../trpc';

export const logsRouter = router({
  list: readProcedure.query(async ({ ctx }) => logSummaries(await ctx.store())),

  /** First and last event of a log, the calendar months it covers and the month to open with. */
  dataRange: readProcedure.input(z.object({ logId })).query(async ({ ctx, input }) => {
    const store = await ctx.store();
    const range = await dataRange(store, input.logId);
    if (range.events === 0 && !(await logSummaries(store)).some((l) => l.logId === input.logId)) {
      throw new NotFoundError(`No log "${input.logId}" in this workspace.`);
    }
    const months = monthsCovered(range.firstEvent, range.lastEvent);
    return { ...range, months, defaultMonth: defaultMonth(months) };
  }),

  /** The perspectives a log offers, its main one first. */
  perspectives: readProcedure.input(z.object({ logId })).query(async ({ ctx, input }) => logPerspectives(await ctx.store(), input.logId)),

  /** What the filter bar offers: the activities and the common values of each attribute. */
  filterOptions: readProcedure
    .input(z.object({ logId, perspective: perspective.optional() }))
    .query(async ({ ctx, input }) => filterOptions(await ctx.store(), input)),
});
