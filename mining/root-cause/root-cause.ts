// Root cause by lift: for an outcome per order (late payment, dispute, credit hold, slow shipping,
// rework, an SLA breach, …), rank attribute values, and pairs of values of two attributes, by how
// much more often the outcome happens with them than without them, with the case counts behind
// each number, so a process owner reads "warehouse WH1 ∧ segment KA: 3.1× as often, 212 of 340
// orders", not a p-value. SQL: sql/queries/mining/root-cause/lift.sql.
import type { Store } from '../../sql';
import { frag } from '../../sql';
import { ensureCaseViews } from '../refresh';
import type { CaseSelection } from '../filter/selection';
import { composedQuery, groupColumn } from '../kpi-library/compose';
import { loadTargets } from '../kpi-library/targets';
import { builtInOutcomes, type Outcome } from './outcomes';

export const DEFAULT_ATTRIBUTES = ['segment', 'channel', 'order_type', 'warehouse', 'payment_terms', 'customer_name'];

export interface Driver {
  /** One condition (a single) or two (a pair), e.g. [{attribute: 'warehouse', value: 'WH1'}]. */
  conditions: { attribute: string; value: string }[];
  /** Orders with the value(s), and how many of them had the outcome. */
  cases: number;
  outcomeCases: number;
  /** outcomeCases ÷ cases. */
  rate: number;
  /** The outcome's rate in the rest of the population. */
  rateWithout: number | null;
  /** rate ÷ rateWithout (null when the rest never has the outcome). */
  lift: number | null;
  /** Outcome cases beyond what the rest's rate would give: outcomeCases − cases × rateWithout. */
  excessCases: number | null;
}

export interface RootCause {
  logId: string;
  outcome: Pick<Outcome, 'id' | 'label' | 'definition'>;
  /** Orders in the population and of them with the outcome. */
  cases: number;
  outcomeCases: number;
  rate: number | null;
  attributes: string[];
  minCases: number;
  /** Single attribute values, best lift first. */
  singles: Driver[];
  /** Pairs that say more than their parts: lift above the lift of each of the two values alone. */
  pairs: Driver[];
}

export interface RootCauseOptions {
  logId?: string;
  /** A built-in outcome id (outcomes.ts) or an Outcome. */
  outcome: string | Outcome;
  /** Attribute columns of `cases` (or the alias customer); default DEFAULT_ATTRIBUTES. */
  attributes?: string[];
  /** Minimum orders with a value (or pair) to be ranked; default max(30, 1 % of the population). */
  minCases?: number;
  /** How many of each to return; default 20. */
  top?: number;
  selection?: CaseSelection;
}

interface Row {
  kind: 'single' | 'pair' | 'total';
  attr1: string | null;
  value1: string | null;
  attr2: string | null;
  value2: string | null;
  n: number;
  k: number;
  big_n: number;
  min_cases: number;
  big_k: number;
}

export function outcomeById(id: string): Outcome {
  const o = builtInOutcomes().find((x) => x.id === id);
  if (!o) throw new Error(`unknown outcome "${id}": expected one of ${builtInOutcomes().map((x) => x.id).join(', ')} (or pass an Outcome, e.g. slaBreachOutcome())`);
  return o;
}

async function hasTable(store: Store, name: string): Promise<boolean> {
  const r = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = $name`, { name });
  return r[0].n > 0;
}

function driver(r: Row, bigN: number, bigK: number): Driver {
  const rest = bigN - r.n;
  const rateWithout = rest > 0 ? (bigK - r.k) / rest : null;
  const rate = r.k / r.n;
  const conditions = [{ attribute: r.attr1 as string, value: r.value1 as string }];
  if (r.kind === 'pair') conditions.push({ attribute: r.attr2 as string, value: r.value2 as string });
  return {
    conditions,
    cases: r.n,
    outcomeCases: r.k,
    rate,
    rateWithout,
    lift: rateWithout ? rate / rateWithout : null,
    excessCases: rateWithout === null ? null : r.k - r.n * rateWithout,
  };
}

/** Best first: higher lift (an outcome that never happens without the value first), then more outcome cases. */
const byLift = (a: Driver, b: Driver) =>
  (b.lift ?? Number.POSITIVE_INFINITY) - (a.lift ?? Number.POSITIVE_INFINITY) || b.outcomeCases - a.outcomeCases ||
  JSON.stringify(a.conditions).localeCompare(JSON.stringify(b.conditions));

export async function rootCause(store: Store, opts: RootCauseOptions): Promise<RootCause> {
  const logId = opts.logId ?? 'o2c';
  const outcome = typeof opts.outcome === 'string' ? outcomeById(opts.outcome) : opts.outcome;
  if (outcome.needsTable && !(await hasTable(store, outcome.needsTable))) {
    throw new Error(`outcome ${outcome.id} needs the table ${outcome.needsTable}, which this store does not have`);
  }
  const attributes: string[] = [];
  for (const a of opts.attributes ?? DEFAULT_ATTRIBUTES) {
    const col = (await groupColumn(store, a)) as string;
    if (!attributes.includes(col)) attributes.push(col);
  }
  if (attributes.length === 0) throw new Error('root cause needs at least one attribute to compare');
  const top = opts.top ?? 20;
  await ensureCaseViews(store, logId);
  // One pass: with no support given, the query takes 1 % of the population (at least 30).
  const rows = await composedQuery<Row>(
    store,
    'mining/root-cause/lift',
    { log_id: logId, tz: loadTargets().localTimeZone, min_cases: opts.minCases ?? null, max_pairs: Math.max(200, top * 10), ...outcome.params },
    {
      selection: opts.selection,
      slots: { attr_text: frag.varcharColumns(attributes), attr_list: frag.identList(attributes) },
      tokens: { __POPULATION__: outcome.population, __OUTCOME__: outcome.outcome },
    },
  );
  const total = rows.find((r) => r.kind === 'total') as Row;
  const minCases = total.min_cases;
  const { big_n: bigN, big_k: bigK } = total;
  // A value every order has compares with nothing: left out.
  const singles = rows.filter((r) => r.kind === 'single' && r.n < bigN).map((r) => driver(r, bigN, bigK)).sort(byLift);
  const single = new Map(singles.map((d) => [`${d.conditions[0].attribute}\u0000${d.conditions[0].value}`, d]));
  const liftOf = (c: { attribute: string; value: string }) => single.get(`${c.attribute}\u0000${c.value}`)?.lift ?? null;
  const pairs = rows
    .filter((r) => r.kind === 'pair' && r.n < bigN)
    .map((r) => driver(r, bigN, bigK))
    .filter((d) => d.lift === null || d.conditions.every((c) => { const l = liftOf(c); return l !== null && d.lift! > l; }))
    .sort(byLift);
  return {
    logId,
    outcome: { id: outcome.id, label: outcome.label, definition: outcome.definition },
    cases: bigN,
    outcomeCases: bigK,
    rate: bigN > 0 ? bigK / bigN : null,
    attributes,
    minCases,
    singles: singles.slice(0, top),
    pairs: pairs.slice(0, top),
  };
}
