// Logs: which logs the workspace holds, and the span of time one of them covers.
import { z } from 'zod';
import { dataRange, filterOptions, logPerspectives, logSummaries } from '../../mining';
import { caseCount } from '../../mining/cases';
import { ruleFor } from '../../mining/refresh';
import { scopeFilters } from '../auth';
import { NotFoundError } from '../errors';
import { defaultMonth, monthsCovered } from '../periods';
import { filters, logId, perspective } from '../schemas';
import { readProcedure, router } from '../trpc';

export const logsRouter = router({
  /**
   * A scoped owner's scope is a set of orders: other logs would only refuse them (owner-scope.ts),
   * and `cases` counts their orders (events, first and last event stay the log's: its freshness).
   */
  list: readProcedure.query(async ({ ctx }) => {
    const store = await ctx.store();
    const logs = await logSummaries(store);
    const scope = scopeFilters(ctx.user);
    if (!scope.length) return logs;
    const orderLogs = logs.filter((l) => ruleFor(l.kind, undefined)?.perspective === 'order');
    return Promise.all(orderLogs.map(async (l) => ({ ...l, cases: l.cases && (await caseCount(store, { logId: l.logId, perspective: 'order', filters: scope })) })));
  }),

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
  perspectives: readProcedure.input(z.object({ logId })).query(async ({ ctx, input }) => {
    const all = await logPerspectives(await ctx.store(), input.logId);
    // A scoped owner's scope is a set of orders: every other perspective would refuse them (owner-scope.ts).
    return scopeFilters(ctx.user).length ? all.filter((p) => p === 'order') : all;
  }),

  /**
   * What the filter bar offers: the activities and the common values of each attribute, counted
   * over `filters` (for a scoped owner: their scope, added by trpc.ts), and `scope`, the filters
   * every answer to this caller is narrowed by (the bar shows them as fixed chips).
   */
  filterOptions: readProcedure
    .input(z.object({ logId, perspective: perspective.optional(), filters }))
    .query(async ({ ctx, input }) => ({ ...(await filterOptions(await ctx.store(), input)), scope: scopeFilters(ctx.user) })),
});
