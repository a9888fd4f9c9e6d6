// The `receivable` filter ("the cases behind" DSO, best-possible DSO, days delinquent and the AR
// aging buckets) selects exactly the orders of the invoices open at a period end in the chosen
// buckets: checked on a simulated store against a TypeScript walk of the AR ledger with due dates
// read from the invoice objects, and against AR aging's own invoice counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseList } from '../cases/list';
import { arAging } from '../ar-aging';
import { simulatedStore, type SimulatedStore } from '../testing/simulated-store';
import { FilterError, compileFilters } from './compile';
import { FILTER_AGING_BUCKETS, type AgingBucketId, type Filter } from './types';

let sim: SimulatedStore;
interface Move { invoice_id: string; day: string; amount: number }
interface Inv { invoice_id: string; due: string | null; order_id: string | null }
let moves: Move[];
let invoices: Map<string, Inv>;
let ends: string[];

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
function bucketOf(at: string, due: string | null): AgingBucketId {
  if (due === null || due >= at) return 'current';
  const d = daysBetween(at, due);
  return d <= 30 ? 'd1_30' : d <= 60 ? 'd31_60' : d <= 90 ? 'd61_90' : 'd90_plus';
}
/** Orders (case ids) and invoice count of the invoices open at `at` in `buckets`, from the ledger. */
function expected(at: string, buckets: readonly AgingBucketId[]): { orders: string[]; invoices: number } {
  const bal = new Map<string, number>();
  for (const m of moves) if (m.day < at) bal.set(m.invoice_id, (bal.get(m.invoice_id) ?? 0) + m.amount);
  const orders = new Set<string>();
  let n = 0;
  for (const [id, b] of bal) {
    const inv = invoices.get(id);
    if (b <= 0.01 || !inv || !buckets.includes(bucketOf(at, inv.due))) continue;
    n++;
    if (inv.order_id) orders.add(inv.order_id);
  }
  return { orders: [...orders].sort(), invoices: n };
}
async function selected(filters: Filter[], perspective?: string): Promise<string[]> {
  const page = await caseList(sim.store, { logId: 'o2c', perspective, filters, limit: 5000, columns: ['case_id'] });
  expect(page.rows.length).toBe(page.total);
  return page.rows.map((r) => String(r.case_id)).sort();
}

beforeAll(async () => {
  sim = await simulatedStore({ orders: 400, seed: 13 }, 'tl-receivable-');
  moves = await sim.store.sql<Move>("SELECT invoice_id, strftime(ts::DATE, '%Y-%m-%d') AS day, amount FROM ar_ledger WHERE log_id = 'o2c'");
  const inv = await sim.store.sql<Inv>(
    `SELECT o.object_id AS invoice_id,
            strftime(try_cast(coalesce(o.attrs->>'due_date', o.attrs->>'platform_due_date') AS DATE), '%Y-%m-%d') AS due,
            (SELECT min(oo.source_id) FROM object_object oo WHERE oo.log_id = 'o2c' AND oo.target_id = o.object_id AND oo.source_id LIKE 'sales_order:%') AS order_id
     FROM objects o WHERE o.log_id = 'o2c' AND o.object_type = 'invoice'`,
  );
  invoices = new Map(inv.map((i) => [i.invoice_id, i]));
  const months = await sim.store.sql<{ d: string }>(
    "SELECT DISTINCT strftime(date_trunc('month', ts) + INTERVAL 1 MONTH, '%Y-%m-%d') AS d FROM ar_ledger WHERE log_id = 'o2c' ORDER BY d",
  );
  ends = months.map((m) => m.d).slice(1, -1);
}, 120_000);
afterAll(() => sim?.close());

describe('the receivable filter: the cases behind AR, DSO and the aging buckets', () => {
  it('selects, per bucket and period end, exactly the orders of the open invoices', async () => {
    let nonEmpty = 0;
    for (const at of ends.slice(-4)) {
      for (const b of FILTER_AGING_BUCKETS) {
        const want = expected(at, [b]);
        const got = await selected([{ kind: 'receivable', at, buckets: [b] }]);
        expect(got, `${at} ${b}`).toEqual(want.orders);
        if (got.length) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(8);
  });

  it('agrees with AR aging on how many invoices each bucket holds', async () => {
    const at = ends[ends.length - 2];
    const from = new Date(Date.parse(`${at}T00:00:00Z`));
    from.setUTCMonth(from.getUTCMonth() - 1);
    const [aging] = await arAging(sim.store, { periods: [{ from: from.toISOString().slice(0, 10), to: at }] });
    for (const b of aging.buckets) expect(expected(at, [b.id as AgingBucketId]).invoices, b.id).toBe(b.invoices);
    const all = await selected([{ kind: 'receivable', at, buckets: [...FILTER_AGING_BUCKETS] }]);
    expect(all).toEqual(expected(at, FILTER_AGING_BUCKETS).orders);
  });

  it('refuses a bad day, an unknown bucket and another perspective', () => {
    expect(() => compileFilters([{ kind: 'receivable', at: '2025-13-01', buckets: ['current'] }])).toThrow(FilterError);
    expect(() => compileFilters([{ kind: 'receivable', at: '2025-12-01', buckets: ['d0' as AgingBucketId] }])).toThrow(/bucket "d0"/);
    expect(() => compileFilters([{ kind: 'receivable', at: '2025-12-01', buckets: ['current'] }], 'invoice')).toThrow(/order perspective/);
  });
});
