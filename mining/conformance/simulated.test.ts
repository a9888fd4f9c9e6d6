// Conformance against the simulator's per-order truth: simulate → ingest → case view →
// conformance, then compare with what each simulated order's life (taken from the simulator's
// onOrder hook, before any writer or ingestor touched it) implies. The simulator plants repeated
// changes, invoice cancellations and shipped-never-invoiced orders, and never violates the block
// rules; the test then plants violations itself by moving a few events in the store and checks
// that exactly those orders are reported, with the planted times as cost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../sql';
import { simulate } from '../../fixtures/sim/simulate';
import { changeActivity } from '../../fixtures/sim/canonical';
import { ingestDirectory } from '../../ingest';
import { refreshCaseViews } from '../refresh';
import { refreshConformance } from './refresh';
import { conformanceSummary } from './read';

interface OrderTruth {
  id: string;
  /** Change-document activities by the extract, with their instants (epoch seconds). */
  changes: { activity: string; t: number }[];
  deliveries: { created: number; ship: number; pgi: number }[];
  invoices: { created: number; cancelled: number | null }[];
}

const ORDERS = 1_500;
let dir: string;
let store: Store;
const truth = new Map<string, OrderTruth>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-conformance-sim-'));
  await simulate({
    orders: ORDERS, seed: 5, outDir: dir,
    onOrder: (life, cutoff) => {
      const changes = life.changes
        .filter((c) => c.t <= cutoff)
        .flatMap((c) => {
          const activity: string | null = changeActivity(c.tab, c.fname, c.old, c.new);
          return activity === null ? [] : [{ activity, t: c.t }];
        })
        .sort((a, b) => a.t - b.t);
      truth.set(`sales_order:${life.vbeln}`, {
        id: `sales_order:${life.vbeln}`,
        changes,
        deliveries: life.deliveries.filter((d) => d.created <= cutoff).map((d) => ({ created: d.created, ship: d.ship <= cutoff ? d.ship : Infinity, pgi: d.pgi <= cutoff ? d.pgi : Infinity })),
        invoices: life.invoices.filter((i) => i.created <= cutoff).map((i) => ({ created: i.created, cancelled: i.cancel && i.cancel.created <= cutoff ? i.cancel.created : null })),
      });
    },
  });
  store = await Store.open(':memory:');
  await ingestDirectory(store, dir);
  await refreshCaseViews(store, 'o2c');
  await store.transaction((tx) => refreshConformance(tx, 'o2c', 'order'));
});
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function deviations(kind: string, activity: string): Promise<Map<string, { count: number; cost: number | null }>> {
  const rows = await store.sql<{ case_id: string; count: number; cost_seconds: number | null }>(
    `SELECT c.case_id, d.count, d.cost_seconds FROM case_deviations d JOIN cases c USING (log_id, perspective, case_no)
     WHERE d.log_id = 'o2c' AND d.kind = $kind AND d.activity = $activity`,
    { kind, activity },
  );
  return new Map(rows.map((r) => [r.case_id, { count: r.count, cost: r.cost_seconds }]));
}

async function violations(ruleId: string): Promise<string[]> {
  const rows = await store.sql<{ k: string }>(
    `SELECT c.case_id || ' ' || v.activity || ' ' || coalesce(v.cost_seconds::VARCHAR, '-') AS k FROM case_rule_violations v
     JOIN cases c USING (log_id, perspective, case_no) WHERE v.log_id = 'o2c' AND v.rule_id = $r ORDER BY 1`,
    { r: ruleId },
  );
  return rows.map((r) => r.k);
}

const minOf = (xs: number[]) => xs.reduce((a, b) => Math.min(a, b), Infinity);

describe('conformance on simulated order-to-cash data', () => {
  it('checks every order', async () => {
    const [r] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM case_fitness WHERE log_id = 'o2c'`);
    expect(r.n).toBe(ORDERS);
    expect(truth.size).toBe(ORDERS);
  });

  it.each(['Change Price', 'Change Quantity', 'Change Requested Date'])('finds exactly the orders with a repeated %s, with their extra count and first-to-last time', async (activity) => {
    const want = new Map<string, { count: number; cost: number }>();
    for (const o of truth.values()) {
      const ts = o.changes.filter((c) => c.activity === activity).map((c) => c.t);
      if (ts.length > 1) want.set(o.id, { count: ts.length - 1, cost: ts[ts.length - 1] - ts[0] });
    }
    const got = await deviations('repeated', activity);
    expect(want.size).toBeGreaterThan(3);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
  });

  it('finds exactly the orders whose invoice was cancelled more than once', async () => {
    const want = [...truth.values()].filter((o) => o.invoices.filter((i) => i.cancelled !== null).length > 1).map((o) => o.id).sort();
    expect([...(await deviations('repeated', 'Cancel Invoice')).keys()].sort()).toEqual(want);
  });

  it('reports a skipped Create Invoice for exactly the finished orders shipped and never invoiced', async () => {
    const closed = new Set((await store.sql<{ case_id: string }>(
      `SELECT c.case_id FROM case_fitness f JOIN cases c USING (log_id, perspective, case_no) WHERE f.log_id = 'o2c' AND NOT f.is_open`,
    )).map((r) => r.case_id));
    const want = [...truth.values()]
      .filter((o) => closed.has(o.id) && o.deliveries.some((d) => d.pgi < Infinity) && o.invoices.length === 0)
      .map((o) => o.id).sort();
    expect(want.length).toBeGreaterThan(3);
    expect([...(await deviations('skipped', 'Create Invoice')).keys()].sort()).toEqual(want);
  });

  it('finds no rule violations where the truth has none (the simulator respects blocks and bills after goods issue)', async () => {
    let credit = 0;
    let shipBlocked = 0;
    let invoiceEarly = 0;
    for (const o of truth.values()) {
      const firstPgi = minOf(o.deliveries.map((d) => d.pgi));
      invoiceEarly += o.invoices.filter((i) => i.created < firstPgi).length;
      const windows = (set: string, lift: string) => o.changes.filter((c) => c.activity === set).map((s) => [s.t, o.changes.find((c) => c.activity === lift && c.t > s.t)?.t ?? Infinity]);
      for (const [a, b] of windows('Set Credit Block', 'Release Credit Block')) {
        if (o.deliveries.some((d) => (d.created > a && d.created < b) || (d.pgi > a && d.pgi < b))) credit += 1;
      }
      for (const [a, b] of windows('Set Delivery Block', 'Remove Delivery Block')) {
        shipBlocked += o.deliveries.filter((d) => d.ship > a && d.ship < b).length + o.deliveries.filter((d) => d.pgi > a && d.pgi < b).length;
      }
    }
    expect([credit, shipBlocked, invoiceEarly]).toEqual([0, 0, 0]);
    expect(await violations('credit-block-released-before-delivery')).toHaveLength(credit);
    expect(await violations('no-shipment-while-delivery-block')).toHaveLength(shipBlocked);
    expect(await violations('no-invoice-before-goods-issue')).toHaveLength(invoiceEarly);
    expect(await violations('no-invoice-while-billing-block')).toHaveLength(0);
  });

  it('finds violations planted by moving events: shipped while blocked, invoice before goods issue, delivery before credit release', async () => {
    // Orders with exactly one delivery, issued, at most one invoice, by creation.
    const simple = [...truth.values()].filter((o) => o.deliveries.length === 1 && o.deliveries[0].pgi < Infinity && o.invoices.length <= 1 && o.invoices.every((i) => i.cancelled === null));
    const has = (o: OrderTruth, a: string) => o.changes.some((c) => c.activity === a);
    const pick = (f: (o: OrderTruth) => boolean, taken: Set<string>) => simple.filter((o) => !taken.has(o.id) && f(o)).slice(0, 4);
    const taken = new Set<string>();
    const blocked = pick((o) => has(o, 'Set Delivery Block') && !has(o, 'Set Credit Block'), taken);
    blocked.forEach((o) => taken.add(o.id));
    const early = pick((o) => o.invoices.length === 1 && !has(o, 'Set Billing Block') && !has(o, 'Set Credit Block') && !has(o, 'Set Delivery Block'), taken);
    early.forEach((o) => taken.add(o.id));
    const credit = pick((o) => has(o, 'Set Credit Block') && has(o, 'Release Credit Block') && !has(o, 'Set Delivery Block'), taken);
    expect([blocked.length, early.length, credit.length]).toEqual([4, 4, 4]);

    const move = (order: string, activity: string, t: number) =>
      store.sql(
        `UPDATE events SET ts = to_timestamp($t::DOUBLE)::TIMESTAMP WHERE log_id = 'o2c' AND activity = $activity
         AND event_id IN (SELECT event_id FROM event_object WHERE log_id = 'o2c' AND object_id = $order)`,
        { order, activity, t },
      );
    // The delivery block is lifted an hour after goods issue: the shipment and the goods issue ran under it.
    for (const o of blocked) await move(o.id, 'Remove Delivery Block', o.deliveries[0].pgi + 3600);
    // The invoice is created 10 minutes before goods issue.
    for (const o of early) await move(o.id, 'Create Invoice', o.deliveries[0].pgi - 600);
    // The credit block is released 10 minutes after the delivery was created.
    for (const o of credit) await move(o.id, 'Release Credit Block', o.deliveries[0].created + 600);
    await refreshCaseViews(store, 'o2c');
    await store.transaction((tx) => refreshConformance(tx, 'o2c', 'order'));

    const d0 = (o: OrderTruth) => o.deliveries[0];
    expect(await violations('no-shipment-while-delivery-block')).toEqual(
      blocked.flatMap((o) => [`${o.id} Confirm Shipment ${d0(o).pgi + 3600 - d0(o).ship}.0`, `${o.id} Post Goods Issue 3600.0`]).sort(),
    );
    expect(await violations('no-invoice-before-goods-issue')).toEqual(early.map((o) => `${o.id} Create Invoice 600.0`).sort());
    expect(await violations('credit-block-released-before-delivery')).toEqual(credit.map((o) => `${o.id} Create Delivery 600.0`).sort());

    const late = await deviations('out-of-order', 'Remove Delivery Block');
    for (const o of blocked) expect(late.get(o.id), o.id).toEqual({ count: 1, cost: d0(o).pgi + 3600 - d0(o).created });
    const inv = await deviations('out-of-order', 'Create Invoice');
    expect(Object.fromEntries(inv)).toEqual(Object.fromEntries(early.map((o) => [o.id, { count: 1, cost: 600 }])));

    const s = await conformanceSummary(store, { logId: 'o2c', perspective: 'order' });
    expect(s.rules.find((r) => r.ruleId === 'no-invoice-before-goods-issue')).toMatchObject({ violations: 4, cases: 4, totalCostSeconds: 2400, medianCostSeconds: 600 });
    expect(s.cases).toBe(ORDERS);
    expect(s.meanFitness).toBeGreaterThan(0.9);
    expect(s.meanFitness).toBeLessThan(1);
  });
});
