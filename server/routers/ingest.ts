// Ingest (admin): the server owns the store, so loads sent by the CLI run here. After loading, the
// case views of the touched logs are rebuilt so maps and KPIs see the new events.
// Contract with cli/ingest-runner.ts: POST ingest.run { kind, path } → IngestResult[].
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { ingest, ingestDirectory } from '../../ingest';
import type { IngestResult, SourceKind } from '../../ingest/types';
import { refreshCaseViews } from '../../mining';
import type { Store } from '../../sql';
import { logId } from '../schemas';
import { ingestProcedure, router } from '../trpc';

const serverPath = z
  .string()
  .min(1)
  .refine(isAbsolute, 'give an absolute path on the server (the CLI resolves it for you)');

/** One source kind, or `all` = a simulator-style folder holding sap/, wms-legacy/, wms-events/, billing/. */
const KINDS = ['sap', 'wms-legacy', 'wms-events', 'billing', 'all'] as const satisfies readonly (SourceKind | 'all')[];
// Fails to compile when ingest/types.ts gains a source kind this list does not name.
const everyKindListed: Exclude<SourceKind, (typeof KINDS)[number]> extends never ? true : false = true;
void everyKindListed;
const kind = z.enum(KINDS);

async function refreshTouched(store: Store, results: readonly IngestResult[]): Promise<void> {
  const logs = new Set(results.filter((r) => r.status === 'succeeded').map((r) => r.logId));
  for (const id of logs) await refreshCaseViews(store, id);
}

export const ingestRouter = router({
  run: ingestProcedure
    .input(z.object({ kind, path: serverPath, logId: logId.optional() }))
    .mutation(async ({ ctx, input }): Promise<IngestResult[]> => {
      const store = await ctx.store();
      const results =
        input.kind === 'all'
          ? await ingestDirectory(store, input.path)
          : [await ingest(store, input.kind, input.path, { logId: input.logId ?? 'o2c' })];
      await refreshTouched(store, results);
      return results;
    }),
});
