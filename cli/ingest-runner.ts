import { randomUUID } from 'node:crypto';
import type { IngestProgress, ProgressListener } from '../ingest/progress';
import type { IngestResult, SourceKind } from '../ingest/types';
import type { Store } from '../sql';
import type { ServerInfo } from './store-access';

export type IngestKind = SourceKind | 'all';

/**
 * No server owns the store: opens it in this process, runs `load` with its progress reported to
 * `onProgress`, then refreshes the case views of every log a successful run loaded into.
 */
export async function loadDirect(
  storePath: string,
  onProgress: ProgressListener | undefined,
  load: (store: Store) => Promise<IngestResult[]>,
): Promise<IngestResult[]> {
  const { Store } = await import('../sql');
  const { refreshAndPrepare } = await import('../mining');
  const { withProgress, reportPhase } = await import('../ingest/progress');
  const { afterIngest } = await import('../workflows');
  const store = await Store.open(storePath);
  try {
    return await withProgress(onProgress ?? (() => undefined), async () => {
      const results = await load(store);
      reportPhase('refreshing');
      for (const logId of new Set(results.filter((r) => r.status === 'succeeded').map((r) => r.logId))) {
        await refreshAndPrepare(store, logId);
        // Rule runs requested here wait in the store for the server's worker (no worker in this process).
        await afterIngest(store, logId);
      }
      return results;
    });
  } finally {
    store.close();
  }
}

/** Loads one source kind (or a simulator folder) in this process. */
export function ingestDirect(storePath: string, kind: IngestKind, path: string, onProgress?: ProgressListener): Promise<IngestResult[]> {
  return loadDirect(storePath, onProgress, async (store) => {
    const { ingest, ingestDirectory } = await import('../ingest');
    return kind === 'all' ? ingestDirectory(store, path) : [await ingest(store, kind, path)];
  });
}

/**
 * Calls one of the running server's ingest mutations as the admin and, while it runs, polls
 * `ingest.progress` for the job so the caller can show a progress bar. The poll stops when the
 * mutation settles.
 */
export async function callServer<T>(
  server: ServerInfo,
  procedure: 'run' | 'importFile' | 'odoo',
  input: Record<string, unknown>,
  onProgress?: ProgressListener,
): Promise<T> {
  const jobId = randomUUID();
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${server.token}` };
  const call = fetch(`${server.url}/api/trpc/ingest.${procedure}`, { method: 'POST', headers, body: JSON.stringify({ ...input, jobId }) });
  let polling = !!onProgress;
  const poll = async (): Promise<void> => {
    const q = encodeURIComponent(JSON.stringify({ jobId }));
    while (polling) {
      await new Promise((r) => setTimeout(r, 500));
      if (!polling) break;
      try {
        const res = await fetch(`${server.url}/api/trpc/ingest.progress?input=${q}`, { headers });
        const body = (await res.json()) as { result?: { data: IngestProgress | null } };
        if (polling && body.result?.data) onProgress?.(body.result.data);
      } catch {
        // The display is best effort; the mutation's own answer decides the outcome.
      }
    }
  };
  const poller = poll();
  try {
    const res = await call;
    const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
    if (!res.ok || !body.result) throw new Error(`the server refused: ${body.error?.message ?? res.statusText}`);
    return body.result.data;
  } finally {
    polling = false;
    await poller;
  }
}

/** Asks the running server (the store's owner) to ingest; the path must be readable by it. */
export function ingestViaServer(server: ServerInfo, kind: IngestKind, path: string, onProgress?: ProgressListener): Promise<IngestResult[]> {
  return callServer<IngestResult[]>(server, 'run', { kind, path }, onProgress);
}

const n = (x: number) => x.toLocaleString('en-US');

export function formatResult(r: IngestResult): string {
  const head =
    `${r.sourceKind.padEnd(11)} ${r.status.padEnd(9)} read ${n(r.rowsRead)}, loaded ${n(r.rowsLoaded)}, ` +
    `rejected ${n(r.rowsRejected)}, duplicates ${n(r.rowsDuplicate)}, events +${n(r.eventsAdded)}, ` +
    `objects +${n(r.objectsAdded)} in ${(r.durationMs / 1000).toFixed(1)} s  [run ${r.runId}]`;
  const lines = [head];
  if (r.error) lines.push(`  error: ${r.error}`);
  for (const s of r.rejectSamples.slice(0, 5)) {
    lines.push(`  rejected ${s.file}${s.row !== null ? ` row ${s.row}` : ''}${s.field ? ` field ${s.field}` : ''}: ${s.reason}`);
  }
  if (r.rowsRejected > 5) lines.push(`  … ${n(r.rowsRejected - Math.min(5, r.rejectSamples.length))} more in the rejects table`);
  return lines.join('\n');
}
