// The audit trail for admins: a page of entries, the chain check, and the CSV the export route
// (app/api/audit/export) streams. Writing happens where things are done (audit/ module).
import { z } from 'zod';
import * as audit from '../../audit';
import { auditPolicyChangesSafely } from '../../workflows';
import type { Store } from '../../sql';
import { adminProcedure, router } from '../trpc';

const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'expected an ISO date or instant (UTC)');
const filter = z.object({
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
});

/** The store, after any policy file edited since the last check is on the trail (read it current). */
async function current(ctx: { store: () => Promise<Store> }): Promise<Store> {
  const store = await ctx.store();
  await auditPolicyChangesSafely(store);
  return store;
}

export const auditRouter = router({
  list: adminProcedure
    .input(filter.extend({ limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) }).optional())
    .query(async ({ ctx, input }) => audit.list(await current(ctx), input ?? {})),
  verify: adminProcedure.query(async ({ ctx }) => audit.verify(await current(ctx))),
  /** The whole (filtered) trail as CSV, oldest first; only /api/audit/export calls it. */
  exportCsv: adminProcedure.input(filter.optional()).query(async ({ ctx, input }) => {
    const store = await current(ctx);
    const rows: audit.AuditRow[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await audit.list(store, { ...input, limit: 1000, offset });
      rows.push(...page.entries);
      if (page.entries.length < 1000) break;
    }
    return { filename: `throughline-audit-${new Date().toISOString().slice(0, 10)}.csv`, csv: audit.auditCsv(rows.reverse()) };
  }),
});
