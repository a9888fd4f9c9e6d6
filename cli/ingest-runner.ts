import type { IngestResult, SourceKind } from '../ingest/types';
import type { ServerInfo } from './store-access';

export type IngestKind = SourceKind | 'all';

/** Opens the store in this process (no server owns it), ingests, refreshes the case views. */
export async function ingestDirect(storePath: string, kind: IngestKind, path: string): Promise<IngestResult[]> {
  const { Store } = await import('../sql');
  const { ingest, ingestDirectory } = await import('../ingest');
  const { refreshCaseViews } = await import('../mining');
  const store = await Store.open(storePath);
  try {
    const results = kind === 'all' ? await ingestDirectory(store, path) : [await ingest(store, kind, path)];
    await refreshCaseViews(store, results[0]?.logId ?? 'o2c');
    return results;
  } finally {
    store.close();
  }
}

/** Asks the running server (the store's owner) to ingest; the path must be readable by it. */
export async function ingestViaServer(server: ServerInfo, kind: IngestKind, path: string): Promise<IngestResult[]> {
  const res = await fetch(`${server.url}/api/trpc/ingest.run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ kind, path }),
  });
  const body = (await res.json()) as { result?: { data: IngestResult[] }; error?: { message: string } };
  if (!res.ok || !body.result) throw new Error(`the server refused the ingest: ${body.error?.message ?? res.statusText}`);
  return body.result.data;
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
