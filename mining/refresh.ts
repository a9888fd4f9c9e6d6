// Rebuilds the materialised case views of a log in one transaction (sql/schema/010_case_views.sql).
// Which rule builds the cases depends on the log's kind: an O2C log gets the order perspective
// (object graph walk from each sales order); a case-centric log (xes, csv) maps its case objects
// directly. Readers call ensureCaseViews(), which refreshes only when the canonical tables changed.
import type { Store } from '../sql';

export type CasePerspective = 'order' | 'case';

interface PerspectiveRule {
  perspective: CasePerspective;
  /** Named query that inserts the log's traces into case_trace, and its parameters. */
  caseEvents: string;
  caseEventsParams: (logId: string) => Record<string, string>;
  /** Named query that inserts cases from case_trace, and its parameters. */
  cases: string;
  casesParams: (logId: string) => Record<string, string>;
  /** Named queries run after `cases` is built: O2C invoice facts and the AR ledger. */
  after: string[];
}

const O2C_RULE: PerspectiveRule = {
  perspective: 'order',
  caseEvents: 'mining/refresh/case-trace-order',
  caseEventsParams: (logId) => ({ log_id: logId }),
  cases: 'mining/refresh/cases-o2c',
  casesParams: (logId) => ({ log_id: logId }),
  after: ['mining/refresh/invoice-facts', 'mining/refresh/ar-ledger'],
};

/** XES/CSV ingestors write one object of type 'case' per trace. */
const CASE_RULE: PerspectiveRule = {
  perspective: 'case',
  caseEvents: 'mining/refresh/case-trace-direct',
  caseEventsParams: (logId) => ({ log_id: logId, perspective: 'case', case_type: 'case' }),
  cases: 'mining/refresh/cases',
  casesParams: (logId) => ({ log_id: logId, perspective: 'case' }),
  after: [],
};

/** The rule for a log kind; an unregistered log is treated as O2C (the ingestors' default). */
export function perspectiveRule(kind: string | null): PerspectiveRule {
  return kind === 'xes' || kind === 'csv' ? CASE_RULE : O2C_RULE;
}

export interface RefreshResult {
  logId: string;
  perspective: CasePerspective;
  cases: number;
  caseEvents: number;
  seconds: number;
  /** Seconds per step (query name → seconds), commit included. */
  steps: Record<string, number>;
}

async function logKind(store: Store, logId: string): Promise<string | null> {
  const rows = await store.query<{ kind: string }>('mining/refresh/log-kind', { log_id: logId });
  return rows[0]?.kind ?? null;
}

async function fingerprint(store: Store, logId: string): Promise<string> {
  const [row] = await store.query<{ fingerprint: string }>('mining/refresh/fingerprint', { log_id: logId });
  return row.fingerprint;
}

/** Rebuilds the case view (and, for O2C, invoice facts and the AR ledger) of one log. */
export async function refreshCaseViews(store: Store, logId = 'o2c'): Promise<RefreshResult> {
  const started = performance.now();
  const rule = perspectiveRule(await logKind(store, logId));
  const key = { log_id: logId, perspective: rule.perspective };
  const steps: Record<string, number> = {};
  let t = started;
  const lap = (name: string) => {
    const now = performance.now();
    steps[name] = (steps[name] ?? 0) + (now - t) / 1000;
    t = now;
  };
  const result = await store.transaction(async (tx) => {
    const run = async (name: string, params: Record<string, string>) => {
      await tx.query(name, params);
      lap(name.replace('mining/refresh/', ''));
    };
    const [{ fingerprint: fp }] = await tx.query<{ fingerprint: string }>('mining/refresh/fingerprint', { log_id: logId });
    lap('wait and fingerprint');
    await run('mining/refresh/clear-case-trace', key);
    await run('mining/refresh/clear-cases', key);
    await run(rule.caseEvents, rule.caseEventsParams(logId));
    await run(rule.cases, rule.casesParams(logId));
    if (rule.after.length) {
      await run('mining/refresh/clear-invoice-facts', { log_id: logId });
      await run('mining/refresh/clear-ar-ledger', { log_id: logId });
      for (const q of rule.after) await run(q, { log_id: logId });
    }
    const seconds = (performance.now() - started) / 1000;
    await tx.query('mining/refresh/record-state', { ...key, fingerprint: fp, seconds });
    const [state] = await tx.query<{ cases: number; case_events: number }>('mining/refresh/state', key);
    return { logId, perspective: rule.perspective, cases: state.cases, caseEvents: state.case_events, seconds, steps };
  });
  lap('commit');
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

const inFlight = new WeakMap<Store, Map<string, Promise<unknown>>>();

/**
 * Makes sure the case view of a log reflects the canonical tables, refreshing it when an ingest
 * changed them since the last refresh. A read-only store is used as it is.
 */
export async function ensureCaseViews(store: Store, logId: string): Promise<CasePerspective> {
  const rule = perspectiveRule(await logKind(store, logId));
  if (store.readOnly) return rule.perspective;
  const [state] = await store.query<{ fingerprint: string }>('mining/refresh/state', { log_id: logId, perspective: rule.perspective });
  if (state && state.fingerprint === (await fingerprint(store, logId))) return rule.perspective;
  let running = inFlight.get(store);
  if (!running) inFlight.set(store, (running = new Map()));
  let p = running.get(logId);
  if (!p) {
    const mine = running;
    p = refreshCaseViews(store, logId).finally(() => mine.delete(logId));
    running.set(logId, p);
  }
  await p;
  return rule.perspective;
}
