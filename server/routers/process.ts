// What process owners ask (mining/sla, mining/conformance): SLA breaches and clocks, the policy's
// definitions, conformance to the reference model. Same log, perspective and filters as the views.
import { z } from 'zod';
import { caseConformance, conformanceSummary } from '../../mining/conformance';
import { selectionFor } from '../../mining/filter/prepare';
import { slaBreaches, slaDefinitions, slaSummary } from '../../mining/sla';
import { NotFoundError } from '../errors';
import { logId, perspective, viewInput } from '../schemas';
import { readProcedure, router } from '../trpc';

const STATUSES = ['met', 'breached', 'open', 'at_risk', 'open_breached', 'exempt', 'restarted'] as const;

export const processRouter = router({
  slaDefinitions: readProcedure.query(() => slaDefinitions()),
  slaSummary: readProcedure.input(viewInput).query(async ({ ctx, input }) =>
    slaSummary(await ctx.store(), { logId: input.logId, perspective: input.perspective, selection: await selectionFor(await ctx.store(), input.logId, input.perspective, input.filters) }),
  ),
  slaBreaches: readProcedure
    .input(
      viewInput.extend({
        ruleId: z.string().min(1).max(200).optional(),
        status: z.array(z.enum(STATUSES)).min(1).max(STATUSES.length).optional(),
        limit: z.number().int().min(1).max(10_000).default(100),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .query(async ({ ctx, input }) =>
      slaBreaches(await ctx.store(), {
        logId: input.logId,
        perspective: input.perspective,
        selection: await selectionFor(await ctx.store(), input.logId, input.perspective, input.filters),
        ruleId: input.ruleId,
        status: input.status,
        limit: input.limit,
        offset: input.offset,
      }),
    ),
  conformance: readProcedure.input(viewInput).query(async ({ ctx, input }) =>
    conformanceSummary(await ctx.store(), { logId: input.logId, perspective: input.perspective, selection: await selectionFor(await ctx.store(), input.logId, input.perspective, input.filters) }),
  ),
  caseConformance: readProcedure
    .input(z.object({ logId, perspective: perspective.optional(), caseId: z.string().min(1).max(500) }))
    .query(async ({ ctx, input }) => {
      const c = await caseConformance(await ctx.store(), input);
      if (!c) throw new NotFoundError(`No case "${input.caseId}" in log "${input.logId}".`);
      return c;
    }),
});
