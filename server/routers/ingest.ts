// Ingest (admin): the server owns the store, so loads sent by the CLI run here. After loading, the
// case views of the touched logs are rebuilt so maps and KPIs see the new events.
// Contract with cli/ingest-runner.ts: POST ingest.run { kind, path, jobId? } → IngestResult[],
// ingest.importFile { path, logId, … } → IngestResult, ingest.odoo { connection } → IngestResult,
// and while any of them runs, ingest.progress { jobId } → IngestProgress | null.
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { ingest, ingestDirectory } from '../../ingest';
import { FILE_FORMATS, importFile } from '../../ingest/import-file';
import { reportPhase, withProgress, type IngestProgress } from '../../ingest/progress';
import type { IngestResult, SourceKind } from '../../ingest/types';
import { refreshAndPrepare } from '../../mining';
import { afterIngest } from '../../workflows';
import type { Store } from '../../sql';
import type { User } from '../auth';
import * as audit from '../../audit';
import { jobProgress, recordProgress } from '../progress';
import { fullMapping, logId } from '../schemas';
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
const jobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'a job id is 8–64 letters, digits or -');

async function refreshTouched(store: Store, results: readonly IngestResult[]): Promise<void> {
  reportPhase('refreshing');
  const logs = new Set(results.filter((r) => r.status === 'succeeded').map((r) => r.logId));
  for (const id of logs) await refreshAndPrepare(store, id);
  // Remediation: close the loop on succeeded runs, then the enabled rules (policies/rules).
  for (const id of logs) await afterIngest(store, id);
}

/** One audit entry per ingest call: who, what was loaded and what came of it. */
export function auditIngest(store: Store, user: User | null, action: string, results: readonly IngestResult[], detail: Record<string, unknown>) {
  return audit.append(store, {
    actor: user?.id ?? 'anonymous',
    action,
    target: [...new Set(results.map((r) => r.logId))].join(',') || null,
    detail: { ...detail, runs: results.map((r) => ({ runId: r.runId, source: r.sourceKind, status: r.status, eventsAdded: r.eventsAdded, rowsRejected: r.rowsRejected })) },
  });
}

/** Runs `fn` recording its progress under `id` (when the caller gave one) for ingest.progress. */
function tracked<T>(id: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!id) return fn();
  return withProgress(
    (p) => recordProgress(id, p),
    async () => {
      try {
        return await fn();
      } finally {
        reportPhase('done');
      }
    },
  );
}

export const ingestRouter = router({
  run: ingestProcedure
    .input(z.object({ kind, path: serverPath, logId: logId.optional(), jobId: jobId.optional() }))
    .mutation(({ ctx, input }): Promise<IngestResult[]> =>
      tracked(input.jobId, async () => {
        const store = await ctx.store();
        const results =
          input.kind === 'all'
            ? await ingestDirectory(store, input.path)
            : [await ingest(store, input.kind, input.path, { logId: input.logId ?? 'o2c' })];
        await refreshTouched(store, results);
        await auditIngest(store, ctx.user, 'ingest.run', results, { kind: input.kind, path: input.path });
        return results;
      }),
    ),

  importFile: ingestProcedure
    .input(
      z.object({
        path: serverPath,
        logId,
        name: z.string().min(1).max(200).optional(),
        format: z.enum(FILE_FORMATS as ['xes', 'ocel', 'csv', 'parquet']).optional(),
        mapping: fullMapping.optional(),
        jobId: jobId.optional(),
      }),
    )
    .mutation(({ ctx, input }): Promise<IngestResult> =>
      tracked(input.jobId, async () => {
        const store = await ctx.store();
        const result = await importFile(store, input.path, input);
        await refreshTouched(store, [result]);
        await auditIngest(store, ctx.user, 'ingest.import_file', [result], { path: input.path, format: input.format ?? null });
        return result;
      }),
    ),

  odoo: ingestProcedure
    .input(
      z.object({
        // Holds a password: never echoed in errors (zod messages below do not include the value).
        connection: z.string().regex(/^postgres(ql)?:\/\//, 'a postgresql:// connection string').max(2000),
        logId: logId.optional(),
        jobId: jobId.optional(),
      }),
    )
    .mutation(({ ctx, input }): Promise<IngestResult> =>
      tracked(input.jobId, async () => {
        const store = await ctx.store();
        const { ingestOdoo } = await import('../../ingest/odoo');
        const result = await ingestOdoo(store, input.connection, input.logId ? { logId: input.logId } : {});
        await refreshTouched(store, [result]);
        // The connection string holds a password: only its host part is kept.
        await auditIngest(store, ctx.user, 'ingest.odoo', [result], { host: /@([^/?]+)/.exec(input.connection)?.[1] ?? null });
        return result;
      }),
    ),

  progress: ingestProcedure.input(z.object({ jobId })).query(({ input }): IngestProgress | null => jobProgress(input.jobId)),
});
