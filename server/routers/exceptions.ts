// The exception queues (mining/exceptions): every queue's size, amount at stake and oldest age for
// the tiles, and one queue's rows with group filters, sort and paging. O2C logs only.
import { z } from 'zod';
import { EXCEPTION_QUEUE_IDS, exceptionQueue, exceptionsSummary, type ExceptionQueueId } from '../../mining/exceptions';
import { filters, logId } from '../schemas';
import { readProcedure, router } from '../trpc';

const value = z.string().min(1).max(200);
const groups = z
  .object({ warehouse: value, segment: value, orderType: value, channel: value, team: value })
  .partial()
  .default({});
const queue = z.enum(EXCEPTION_QUEUE_IDS as [ExceptionQueueId, ...ExceptionQueueId[]]);
const input = z.object({ logId, filters, groups });

// A scoped process owner's warehouses and segments arrive in `filters` (trpc.ts ownerScope).
export const exceptionsRouter = router({
  summary: readProcedure.input(input).query(async ({ ctx, input }) => exceptionsSummary(await ctx.store(), input)),
  queue: readProcedure
    .input(
      input.extend({
        queue,
        sort: z.enum(['age', 'amount', 'case', 'team', 'warehouse', 'due']).default('age'),
        dir: z.enum(['asc', 'desc']).optional(),
        limit: z.number().int().min(1).max(1000).default(50),
        offset: z.number().int().min(0).max(10_000_000).default(0),
      }),
    )
    .query(async ({ ctx, input }) => exceptionQueue(await ctx.store(), input)),
});
