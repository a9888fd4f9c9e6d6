// Ingest runs (read): the runs per source with their counts and duration, a run's rejected
// records page by page, and each source's freshness (newest event, newest run, newest success),
// so a process owner sees a broken integration before it hides exceptions. SQL: sql/queries/runs/.
import { z } from 'zod';
import type { Store } from '../../sql';
import { NotFoundError } from '../errors';
import { logId } from '../schemas';
import { readProcedure, router } from '../trpc';

/** The sources the Ingest page shows, in its order. Event-log imports (csv, parquet, xes, ocel) are one. */
export const SOURCES = [
  { source: 'sap', label: 'SAP' },
  { source: 'wms-legacy', label: 'Legacy WMS' },
  { source: 'wms-events', label: 'Modern WMS' },
  { source: 'billing', label: 'Billing' },
  { source: 'odoo', label: 'Odoo' },
  { source: 'imports', label: 'Imports' },
] as const;

/** A source whose newest event is this far behind the freshest source's is stale. */
export const STALE_LAG_HOURS = 72;

/** pending_relations per source (sql/queries/runs/waiting_relations.sql). */
interface WaitingRow {
  source: string;
  n: number;
  since: string;
}

const labelOf = (source: string): string => SOURCES.find((s) => s.source === source)?.label ?? source;

export interface IngestRun {
  runId: string;
  logId: string;
  sourceKind: string;
  source: string;
  /** The source as a person names it ("Legacy WMS"). */
  sourceLabel: string;
  sourcePath: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsDuplicate: number;
  eventsAdded: number;
  objectsAdded: number;
  error: string | null;
}

export interface RejectRow {
  file: string;
  rowNo: number | null;
  recordKey: string | null;
  field: string | null;
  reason: string;
  raw: string | null;
}

export type FreshnessState = 'ok' | 'stale' | 'failed' | 'never';

export interface SourceFreshness {
  source: string;
  label: string;
  /** Newest event of this source over all logs, ISO UTC; null when it has none. */
  newestEvent: string | null;
  events: number;
  /** The newest event per log this source feeds. */
  logs: { logId: string; newestEvent: string; events: number }[];
  /** Hours the newest event is behind the freshest source's newest event. */
  lagHours: number | null;
  runs: number;
  lastRun: { runId: string; status: string; error: string | null; startedAt: string } | null;
  /** When the newest successful run finished, ISO UTC. */
  lastSuccessAt: string | null;
  state: FreshnessState;
  /** Why the state is not ok, for a person. */
  reason: string | null;
  /** Relations this source's runs wrote that still wait for a record no source has delivered. */
  waitingRelations: number;
  /** Start of the oldest run that left one waiting, ISO UTC. */
  waitingSince: string | null;
}

interface RunRow {
  run_id: string;
  log_id: string;
  source_kind: string;
  source: string;
  source_path: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_duplicate: number;
  events_added: number;
  objects_added: number;
  error: string | null;
}

interface EventFreshnessRow {
  log_id: string;
  source: string;
  newest_event: string;
  events: number;
}

interface RunFreshnessRow {
  source: string;
  runs: number;
  last_run_id: string;
  last_status: string;
  last_error: string | null;
  last_started_at: string;
  last_success_run_id: string | null;
  last_success_at: string | null;
}

const toRun = (r: RunRow): IngestRun => ({
  runId: r.run_id,
  logId: r.log_id,
  sourceKind: r.source_kind,
  source: r.source,
  sourceLabel: labelOf(r.source),
  sourcePath: r.source_path,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  durationMs: r.duration_ms,
  rowsRead: r.rows_read,
  rowsLoaded: r.rows_loaded,
  rowsRejected: r.rows_rejected,
  rowsDuplicate: r.rows_duplicate,
  eventsAdded: r.events_added,
  objectsAdded: r.objects_added,
  error: r.error,
});

const HOUR_MS = 3_600_000;

/**
 * One card per source (SOURCES order, then any other source found): its newest event and runs,
 * and whether it needs attention — the last run failed, or its newest event is more than
 * STALE_LAG_HOURS behind the freshest source's. Pure.
 */
export function sourceFreshness(
  events: readonly EventFreshnessRow[],
  runs: readonly RunFreshnessRow[],
  waiting: readonly WaitingRow[] = [],
): SourceFreshness[] {
  const known: readonly string[] = SOURCES.map((s) => s.source);
  const extra = [...new Set([...events.map((e) => e.source), ...runs.map((r) => r.source)])].filter((s) => !known.includes(s)).sort();
  const all = [...SOURCES, ...extra.map((source) => ({ source, label: source }))];
  const newestOf = (source: string): string | null =>
    events.filter((e) => e.source === source).reduce<string | null>((m, e) => (m === null || e.newest_event > m ? e.newest_event : m), null);
  const freshest = events.reduce<string | null>((m, e) => (m === null || e.newest_event > m ? e.newest_event : m), null);

  return all.map(({ source, label }) => {
    const logs = events.filter((e) => e.source === source).map((e) => ({ logId: e.log_id, newestEvent: e.newest_event, events: e.events }));
    const newestEvent = newestOf(source);
    const run = runs.find((r) => r.source === source);
    const lagHours = newestEvent && freshest ? (Date.parse(freshest) - Date.parse(newestEvent)) / HOUR_MS : null;
    let state: FreshnessState = 'ok';
    let reason: string | null = null;
    if (run && run.last_status !== 'succeeded') {
      state = 'failed';
      reason = run.last_error ? `Last run failed: ${run.last_error}` : 'Last run failed';
    } else if (lagHours !== null && lagHours > STALE_LAG_HOURS) {
      state = 'stale';
      reason = 'Newest event is far behind the other sources';
    } else if (!newestEvent) {
      state = run ? 'stale' : 'never';
      reason = run ? 'Runs loaded no events' : null;
    }
    const w = waiting.find((x) => x.source === source);
    return {
      source,
      label,
      newestEvent,
      waitingRelations: w?.n ?? 0,
      waitingSince: w?.since ?? null,
      events: logs.reduce((n, l) => n + l.events, 0),
      logs,
      lagHours,
      runs: run?.runs ?? 0,
      lastRun: run ? { runId: run.last_run_id, status: run.last_status, error: run.last_error, startedAt: run.last_started_at } : null,
      lastSuccessAt: run?.last_success_at ?? null,
      state,
      reason,
    };
  });
}

async function runById(store: Store, runId: string): Promise<IngestRun> {
  const [row] = await store.query<RunRow>('runs/run', { run_id: runId });
  if (!row) throw new NotFoundError(`No ingest run "${runId}" in this workspace.`);
  return toRun(row);
}

const runId = z.string().min(1).max(200);
const page = { limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) };

export const runsRouter = router({
  /** Runs, newest first, with duration and counts; optionally of one log. */
  list: readProcedure.input(z.object({ logId: logId.optional(), ...page }).default({ limit: 50, offset: 0 })).query(async ({ ctx, input }) => {
    const store = await ctx.store();
    const log_id = input.logId ?? null;
    const [rows, [count]] = await Promise.all([
      store.query<RunRow>('runs/list', { log_id, limit: input.limit, offset: input.offset }),
      store.query<{ n: number }>('runs/list_count', { log_id }),
    ]);
    return { runs: rows.map(toRun), total: count?.n ?? 0, limit: input.limit, offset: input.offset };
  }),

  /** Each source's newest event, newest run and newest successful run, and whether it is stale. */
  freshness: readProcedure.query(async ({ ctx }) => {
    const store = await ctx.store();
    const [events, runs, waiting] = await Promise.all([
      store.query<EventFreshnessRow>('runs/event_freshness'),
      store.query<RunFreshnessRow>('runs/run_freshness'),
      store.query<WaitingRow>('runs/waiting_relations'),
    ]);
    const sources = sourceFreshness(events, runs, waiting);
    const freshest = sources.reduce<string | null>((m, s) => (s.newestEvent && (m === null || s.newestEvent > m) ? s.newestEvent : m), null);
    return { now: new Date().toISOString(), freshest, staleLagHours: STALE_LAG_HOURS, sources };
  }),

  /** One page of a run's rejected records (file, row, field, reason, raw). */
  rejects: readProcedure.input(z.object({ runId, ...page })).query(async ({ ctx, input }) => {
    const store = await ctx.store();
    const run = await runById(store, input.runId);
    const [rows, [count]] = await Promise.all([
      store.query<{ file: string; row_no: number | null; record_key: string | null; field: string | null; reason: string; raw: string | null }>('runs/rejects', {
        run_id: input.runId,
        limit: input.limit,
        offset: input.offset,
      }),
      store.query<{ n: number }>('runs/rejects_count', { run_id: input.runId }),
    ]);
    const rejects: RejectRow[] = rows.map((r) => ({ file: r.file, rowNo: r.row_no, recordKey: r.record_key, field: r.field, reason: r.reason, raw: r.raw }));
    return { run, rejects, total: count?.n ?? 0, limit: input.limit, offset: input.offset };
  }),
});
