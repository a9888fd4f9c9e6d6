// Log statistics, the figures other tools publish (pm4py, Rust4PM): computed in DuckDB
// (sql/queries/mining/stats/*.sql) over the traces of a log. Activity = events.activity
// (concept:name for XES); a variant is the sequence of activities of a case; directly-follows
// pairs are consecutive events of a case. Traces are ordered by time, ties by load order
// (events.seq, i.e. file order), as pm4py and Rust4PM do.
// - case-centric logs (xes, csv) and O2C: the case view (ensureCaseViews), one trace per case.
// - object-centric logs (ocel): additionally objects, eventTypes, objectTypes, e2o, o2o, and per
//   object type the case-level figures of its flattening (case = object of the type, its events
//   through event_object). The top-level case figures are then over all objects that have events
//   (every object a case), `events` and `activities` over the log's events.
import { loadQuery, type Store } from '../sql';
import { ensureCaseViews, O2C_OBJECT_PERSPECTIVES } from './refresh';

export interface VariantCount {
  activities: string[];
  cases: number;
}

export interface CaseStats {
  cases: number;
  events: number;
  activities: number;
  variants: number;
  /** Distinct directly-follows pairs of activities. */
  dfgEdges: number;
  /** All directly-follows occurrences. */
  dfgPairs: number;
  /** Activity → cases starting with it, most frequent first. */
  startActivities: Record<string, number>;
  /** Activity → cases ending with it, most frequent first. */
  endActivities: Record<string, number>;
  /** The ten most frequent variants, most frequent first. */
  topVariants: VariantCount[];
}

export interface LogStats extends CaseStats {
  logId: string;
  kind: string;
  objects?: number;
  eventTypes?: number;
  objectTypes?: number;
  e2o?: number;
  o2o?: number;
  perObjectType?: Record<string, CaseStats>;
}

interface SummaryRow {
  object_type: string | null;
  cases: number;
  events: number;
  activities: number;
  variants: number;
  dfg_edges: number;
  dfg_pairs: number;
}

const TOP_VARIANTS = 10;
const ALL = '\u0000all';

/** The statistics of one log (see the header); throws if the log does not exist. */
export async function logStats(store: Store, logId: string): Promise<LogStats> {
  const [log] = await store.query<{ kind: string }>('mining/refresh/log-kind', { log_id: logId });
  if (!log) throw new Error(`no log "${logId}" in the store`);
  const ocel = log.kind === 'ocel';
  const perspective = ocel ? null : await ensureCaseViews(store, logId);
  // An O2C log reports each of its perspectives too; the top-level figures are the order's.
  const perspectives = perspective === 'order' ? ['order', ...O2C_OBJECT_PERSPECTIVES] : null;
  if (perspectives) for (const p of perspectives.slice(1)) await ensureCaseViews(store, logId, p);
  const conn = await store.connect();
  try {
    const run = async <T>(name: string, params: Record<string, string | number> = {}): Promise<T[]> =>
      (await conn.runAndReadAll(loadQuery(`mining/stats/${name}`), params)).getRowObjectsJS().map((r) => {
        const o: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(r)) o[k] = typeof v === 'bigint' ? Number(v) : v;
        return o as T;
      });
    if (ocel) await run('trace-ocel', { log_id: logId });
    else if (perspectives) await run('trace-perspectives', { log_id: logId, perspectives: JSON.stringify(perspectives) });
    else await run('trace-case', { log_id: logId, perspective: perspective ?? 'case' });
    const summary = await run<SummaryRow>('summary');
    const ends = await run<{ object_type: string | null; which: string; activity: string; cases: number }>('start-end');
    const top = await run<{ object_type: string | null; activities: string[]; cases: number }>('top-variants', { n: TOP_VARIANTS });
    await run('drop');

    const byType = new Map<string, CaseStats>();
    const blank = (): CaseStats => ({
      cases: 0,
      events: 0,
      activities: 0,
      variants: 0,
      dfgEdges: 0,
      dfgPairs: 0,
      startActivities: {},
      endActivities: {},
      topVariants: [],
    });
    const get = (t: string | null): CaseStats => {
      const key = t ?? ALL;
      let s = byType.get(key);
      if (!s) byType.set(key, (s = blank()));
      return s;
    };
    get(null);
    for (const r of summary) {
      Object.assign(get(r.object_type), {
        cases: r.cases,
        events: r.events,
        activities: r.activities,
        variants: r.variants,
        dfgEdges: r.dfg_edges,
        dfgPairs: r.dfg_pairs,
      });
    }
    for (const r of ends) {
      const s = get(r.object_type);
      (r.which === 'start' ? s.startActivities : s.endActivities)[r.activity] = r.cases;
    }
    for (const r of top) get(r.object_type).topVariants.push({ activities: [...r.activities], cases: r.cases });

    const all = perspectives ? get('order') : get(null);
    const result: LogStats = { logId, kind: log.kind, ...all };
    if (perspectives) result.perObjectType = Object.fromEntries(perspectives.map((p) => [p, get(p)]));
    if (ocel) {
      const [t] = await run<{ events: number; event_types: number; objects: number; object_types: number; e2o: number; o2o: number }>(
        'ocel-totals',
        { log_id: logId },
      );
      result.events = t.events;
      result.activities = t.event_types;
      result.objects = t.objects;
      result.eventTypes = t.event_types;
      result.objectTypes = t.object_types;
      result.e2o = t.e2o;
      result.o2o = t.o2o;
      result.perObjectType = Object.fromEntries([...byType].filter(([k]) => k !== ALL).sort(([a], [b]) => a.localeCompare(b)));
    }
    return result;
  } finally {
    conn.closeSync();
  }
}
