// The case table and the case page (mining/cases). `exportCsv` returns the CSV as a stream of text
// chunks for the export route (app/api/export/cases), which calls it through createCaller so the
// same authorize middleware checks the caller; over /api/trpc it is not useful and not used.
import { z } from 'zod';
import { caseColumns, caseCsv, caseDetail, caseList, MAX_PAGE } from '../../mining/cases';
import { logId, perspective, viewInput } from '../schemas';
import { readProcedure, router } from '../trpc';

const columnId = z.string().min(1).max(300);
const sort = z.object({ column: columnId, dir: z.enum(['asc', 'desc']) });
/** What the table shows: the view plus sort and columns (checked against the column list by mining). */
export const caseTableInput = viewInput.extend({
  sort: sort.optional(),
  columns: z.array(columnId).max(100).optional(),
});
export const caseListInput = caseTableInput.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(MAX_PAGE).default(200),
});

export const casesRouter = router({
  columns: readProcedure
    .input(z.object({ logId, perspective: perspective.optional() }))
    .query(async ({ ctx, input }) => caseColumns(await ctx.store(), input)),
  list: readProcedure.input(caseListInput).query(async ({ ctx, input }) => caseList(await ctx.store(), input)),
  detail: readProcedure
    .input(z.object({ logId, perspective: perspective.optional(), caseId: z.string().min(1).max(500) }))
    .query(async ({ ctx, input }) => caseDetail(await ctx.store(), input)),
  exportCsv: readProcedure.input(caseTableInput).query(async ({ ctx, input }) => {
    const csv = await caseCsv(await ctx.store(), input);
    const day = new Date().toISOString().slice(0, 10);
    return { filename: `cases-${csv.logId}-${csv.perspective}-${day}.csv`.replace(/[^A-Za-z0-9_.-]/g, '_'), chunks: csv.chunks };
  }),
});
