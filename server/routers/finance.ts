// What finance leaders ask (mining/kpi-library, mining/dso-impact, mining/root-cause): KPIs by
// period and dimension, DSO impact per stage with the what-if, AR aging and open disputes at period
// ends (mining/ar-aging), and root causes of an outcome.
import { z } from 'zod';
import { arAging, openDisputes } from '../../mining/ar-aging';
import { dsoImpact } from '../../mining/dso-impact';
import { selectionFor } from '../../mining/filter/prepare';
import { KPIS, kpiValues } from '../../mining/kpi-library';
import { builtInOutcomes, rootCause, slaBreachOutcome, type Outcome } from '../../mining/root-cause';
import { InvalidRequestError } from '../errors';
import { filters, logId, period } from '../schemas';
import { cachedAnswer } from '../result-cache';
import { financeProcedure, router } from '../trpc';

/** A built-in outcome, `sla` (any SLA breach) or `sla:<rule id>` (a breach of that rule). */
function outcomeOf(id: string): Outcome {
  if (id === 'sla') return slaBreachOutcome();
  if (id.startsWith('sla:')) return slaBreachOutcome(id.slice(4));
  const o = builtInOutcomes().find((x) => x.id === id);
  if (!o) throw new InvalidRequestError(`Unknown outcome "${id}": use one of ${builtInOutcomes().map((x) => x.id).join(', ')}, sla or sla:<rule id>.`);
  return o;
}

const column = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a column name');

export const financeRouter = router({
  kpiDefinitions: financeProcedure.query(() => KPIS.map(({ id, label, unit, higherIsBetter, definition }) => ({ id, label, unit, higherIsBetter, definition }))),
  kpis: financeProcedure
    .input(
      z.object({
        logId,
        filters,
        periods: z.array(period).min(1).max(120),
        kpis: z.array(z.string().min(1).max(100)).max(100).optional(),
        groupBy: column.optional(),
      }),
    )
    .query(async ({ ctx, input }) =>
      cachedAnswer(await ctx.store(), input.logId, 'finance.kpis', input, async () =>
        kpiValues(await ctx.store(), { logId: input.logId, periods: input.periods, kpis: input.kpis, groupBy: input.groupBy, selection: await selectionFor(await ctx.store(), input.logId, undefined, input.filters) })),
    ),
  dsoImpact: financeProcedure
    .input(z.object({ logId, filters, period, top: z.number().int().min(1).max(50).default(5) }))
    .query(async ({ ctx, input }) =>
      cachedAnswer(await ctx.store(), input.logId, 'finance.dsoImpact', input, async () =>
        dsoImpact(await ctx.store(), { logId: input.logId, period: input.period, top: input.top, selection: await selectionFor(await ctx.store(), input.logId, undefined, input.filters) })),
    ),
  arAging: financeProcedure
    .input(z.object({ logId, filters, periods: z.array(period).min(1).max(24) }))
    .query(async ({ ctx, input }) =>
      cachedAnswer(await ctx.store(), input.logId, 'finance.arAging', input, async () =>
        arAging(await ctx.store(), { logId: input.logId, periods: input.periods, selection: await selectionFor(await ctx.store(), input.logId, undefined, input.filters) })),
    ),
  openDisputes: financeProcedure
    .input(z.object({ logId, filters, periods: z.array(period).min(1).max(24) }))
    .query(async ({ ctx, input }) =>
      cachedAnswer(await ctx.store(), input.logId, 'finance.openDisputes', input, async () =>
        openDisputes(await ctx.store(), { logId: input.logId, periods: input.periods, selection: await selectionFor(await ctx.store(), input.logId, undefined, input.filters) })),
    ),
  outcomes: financeProcedure.query(() => [...builtInOutcomes(), slaBreachOutcome()].map((o) => ({ id: o.id, label: o.label, definition: o.definition }))),
  rootCause: financeProcedure
    .input(
      z.object({
        logId,
        filters,
        outcome: z.string().min(1).max(100),
        attributes: z.array(column).min(1).max(30).optional(),
        minCases: z.number().int().min(1).optional(),
        top: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(async ({ ctx, input }) =>
      cachedAnswer(await ctx.store(), input.logId, 'finance.rootCause', input, async () =>
        rootCause(await ctx.store(), {
          logId: input.logId,
          outcome: outcomeOf(input.outcome),
          attributes: input.attributes,
          minCases: input.minCases,
          top: input.top,
          selection: await selectionFor(await ctx.store(), input.logId, undefined, input.filters),
        })),
    ),
});
