// The Ingest page's URL state (`?run=<run id>&rejects=<page from 1>`) → the API inputs, the same
// way in the server render and in the browser.
export const RUNS_LIMIT = 100;
export const REJECTS_LIMIT = 25;

export interface IngestInputs {
  runs: { limit: number; offset: number };
  run: string | null;
  rejects: { runId: string; limit: number; offset: number } | null;
}

/** Anything that reads URL keys: URLSearchParams, Next's ReadonlyURLSearchParams, the page's searchParams. */
export interface Search {
  get(key: string): string | null;
}

export function ingestInputs(search: Search): IngestInputs {
  const run = search.get('run')?.trim() || null;
  const page = Number(search.get('rejects') ?? '1');
  const offset = Number.isInteger(page) && page > 1 ? (page - 1) * REJECTS_LIMIT : 0;
  return {
    runs: { limit: RUNS_LIMIT, offset: 0 },
    run,
    rejects: run ? { runId: run, limit: REJECTS_LIMIT, offset } : null,
  };
}

/** `?rejects=` for a reject offset (null = the first page, no key). */
export const rejectsPageParam = (offset: number): string | null => (offset > 0 ? String(Math.floor(offset / REJECTS_LIMIT) + 1) : null);
