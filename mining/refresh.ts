// Rebuilds the materialised case views of a log in one transaction (sql/schema/010_case_views.sql).
// Which rule builds the cases depends on the log's kind: an O2C log gets the order perspective
// (object graph walk from each sales order); a case-centric log (xes, csv) maps its case objects
// directly. Readers call ensureCaseViews(), which refreshes only when the canonical tables changed.
import type { Store } from '../sql';
import { MiningInputError } from './errors';
import { refreshSla } from './sla/evaluate';
import { refreshConformance } from './conformance/refresh';
import { loadTargets } from './kpi-library/targets';

/**
 * A perspective names what a case is: `order` (O2C sales order with everything reachable from it),
 * `case` (a case-centric log's own cases), or an object type (`order_line`, `delivery`, `invoice`
 * in an O2C log; any type of an OCEL log), flattened the standard way: the object's own events.
 */
export type CasePerspective = string;

interface PerspectiveRule {
  perspective: CasePerspective;
  /** Named query that inserts the log's traces into case_trace, and its parameters. */
  caseEvents: string;
  caseEventsParams: (logId: string) => Record<string, string>;
  /** Named query that inserts cases from case_trace, and its parameters. */
  cases: string;
  casesParams: (logId: string) => Record<string, string>;
  /** Named queries run after `cases` is built: O2C invoice facts, the AR ledger, settlement and order facts. */
  after: string[];
}

const O2C_RULE: PerspectiveRule = {
  perspective: 'order',
  caseEvents: 'mining/refresh/case-trace-order',
  caseEventsParams: (logId) => ({ log_id: logId }),
  cases: 'mining/refresh/cases-o2c',
  casesParams: (logId) => ({ log_id: logId }),
  after: ['mining/refresh/invoice-facts', 'mining/refresh/ar-ledger', 'mining/refresh/dispute-facts', 'mining/refresh/invoice-settlement', 'mining/refresh/order-facts'],
};

/** One case per object of a type, its trace the events related to it directly. */
const objectRule = (type: string): PerspectiveRule => ({
  perspective: type,
  caseEvents: 'mining/refresh/case-trace-direct',
  caseEventsParams: (logId) => ({ log_id: logId, perspective: type, case_type: type }),
  cases: 'mining/refresh/cases',
  casesParams: (logId) => ({ log_id: logId, perspective: type }),
  after: [],
});

/** XES/CSV ingestors write one object of type 'case' per trace. */
const CASE_RULE = objectRule('case');

/** The object-type perspectives of an O2C log besides the order (issue: order line, delivery, invoice). */
export const O2C_OBJECT_PERSPECTIVES = ['order_line', 'delivery', 'invoice'] as const;

/** The rule for a log kind's main perspective; an unregistered log is treated as O2C (the ingestors' default). */
export function perspectiveRule(kind: string | null): PerspectiveRule {
  return kind === 'xes' || kind === 'csv' ? CASE_RULE : O2C_RULE;
}

/** The rule for `perspective` in a log of `kind`, or null when the log has no such perspective. */
export function ruleFor(kind: string | null, perspective: string | undefined): PerspectiveRule | null {
  const main = kind === 'ocel' ? null : perspectiveRule(kind);
  if (!perspective) return main;
  if (main && perspective === main.perspective) return main;
  if (kind === 'ocel' || (main === O2C_RULE && (O2C_OBJECT_PERSPECTIVES as readonly string[]).includes(perspective))) {
    return /^[A-Za-z0-9_.:\- ]{1,100}$/.test(perspective) ? objectRule(perspective) : null;
  }
  return null;
}

/** The perspectives a log offers, its main one first (OCEL: its object types). */
export async function logPerspectives(store: Store, logId: string): Promise<CasePerspective[]> {
  const kind = await logKind(store, logId);
  if (kind === 'ocel') {
    const rows = await store.query<{ object_type: string }>('mining/refresh/object-types', { log_id: logId });
    return rows.map((r) => r.object_type);
  }
  const main = perspectiveRule(kind).perspective;
  return main === 'order' ? [main, ...O2C_OBJECT_PERSPECTIVES] : [main];
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
export async function refreshCaseViews(store: Store, logId = 'o2c', perspective?: CasePerspective): Promise<RefreshResult> {
  const started = performance.now();
  const kind = await logKind(store, logId);
  const rule = ruleFor(kind, perspective);
  if (!rule) {
    if (!perspective && kind === 'ocel') return { logId, perspective: '', cases: 0, caseEvents: 0, seconds: 0, steps: {} };
    throw new MiningInputError(`log "${logId}" has no perspective "${perspective}"`);
  }
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
    await run('mining/refresh/activities', { log_id: logId });
    await run('mining/refresh/clear-case-trace', key);
    await run('mining/refresh/clear-cases', key);
    await run('mining/refresh/clear-variants', key);
    await run(rule.caseEvents, rule.caseEventsParams(logId));
    await run(rule.cases, rule.casesParams(logId));
    await run('mining/refresh/variants', key);
    await run('mining/refresh/variant-numbers', key);
    if (rule.after.length) {
      await run('mining/refresh/clear-invoice-facts', { log_id: logId });
      await run('mining/refresh/clear-ar-ledger', { log_id: logId });
      await run('mining/refresh/clear-invoice-settlement', { log_id: logId });
      await run('mining/refresh/clear-order-facts', { log_id: logId });
      await run('mining/refresh/clear-dispute-facts', { log_id: logId });
      for (const q of rule.after) await run(q, q === 'mining/refresh/invoice-settlement' ? { log_id: logId, tz: loadTargets().localTimeZone } : { log_id: logId });
    }
    const seconds = (performance.now() - started) / 1000;
    await tx.query('mining/refresh/record-state', { ...key, fingerprint: fp, seconds });
    // The O2C order perspective gets its SLA clocks and conformance with every refresh (the
    // policies are written for it, and the overview reads them); any other perspective computes
    // them when first asked (ensureSla / ensureConformance), so importing a large XES or CSV log
    // does not pay for a conformance check nobody may look at.
    if (rule.perspective === 'order') {
      await refreshSla(tx, logId, rule.perspective).then(() => lap('sla'));
      await refreshConformance(tx, logId, rule.perspective, { strict: false }).then(() => lap('conformance'));
    }
    const [state] = await tx.query<{ cases: number; case_events: number }>('mining/refresh/state', key);
    return { logId, perspective: rule.perspective, cases: state.cases, caseEvents: state.case_events, seconds, steps };
  });
  lap('commit');
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

const inFlight = new WeakMap<Store, Map<string, Promise<unknown>>>();
/** Per store, (log, perspective) → the store generation at which its case view was last found current. */
const verifiedAt = new WeakMap<Store, Map<string, number>>();

/**
 * Makes sure the case view of a log reflects the canonical tables, refreshing it when an ingest
 * changed them since the last refresh. A read-only store is used as it is.
 */
export async function ensureCaseViews(store: Store, logId: string, perspective?: CasePerspective): Promise<CasePerspective> {
  const rule = ruleFor(await logKind(store, logId), perspective);
  if (!rule) throw new MiningInputError(`log "${logId}" has no perspective "${perspective ?? '(main)'}"`);
  if (store.readOnly) return rule.perspective;
  const k = `${logId}\u0000${rule.perspective}`;
  let seen = verifiedAt.get(store);
  if (!seen) verifiedAt.set(store, (seen = new Map()));
  if (seen.get(k) === store.generation) return rule.perspective;
  const generation = store.generation;
  const [state] = await store.query<{ fingerprint: string }>('mining/refresh/state', { log_id: logId, perspective: rule.perspective });
  if (state && state.fingerprint === (await fingerprint(store, logId))) {
    seen.set(k, generation);
    return rule.perspective;
  }
  let running = inFlight.get(store);
  if (!running) inFlight.set(store, (running = new Map()));
  let p = running.get(k);
  if (!p) {
    const mine = running;
    p = refreshCaseViews(store, logId, rule.perspective).finally(() => mine.delete(k));
    running.set(k, p);
  }
  await p;
  return rule.perspective;
}
