// The O2C perspectives (order, order line, delivery, invoice) against the simulator's counts, and
// `logStats` reporting them under perObjectType (the acceptance keys).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../sql';
import { logStats } from './log-stats';
import { logSummaries } from './logs';
import { processMap } from './process-map';
import { logPerspectives } from './refresh';
import { simulatedStore, type SimulatedStore } from './testing/simulated-store';
import { variants } from './views';

let sim: SimulatedStore;
let store: Store;
let counts: Record<string, number>;

beforeAll(async () => {
  sim = await simulatedStore({ orders: 300, seed: 9 }, 'tl-persp-');
  store = sim.store;
  counts = sim.truth.counts as Record<string, number>;
});
afterAll(() => sim?.close());

describe('O2C perspectives', () => {
  it('are listed with the order first', async () => {
    expect(await logPerspectives(store, 'o2c')).toEqual(['order', 'order_line', 'delivery', 'invoice']);
  });

  it('give one case per order, order line, delivery and invoice of the ground truth', async () => {
    const s = await logStats(store, 'o2c');
    expect(Object.keys(s.perObjectType ?? {})).toEqual(['order', 'order_line', 'delivery', 'invoice']);
    expect(s.cases).toBe(counts.orders);
    expect(s.perObjectType?.order.cases).toBe(counts.orders);
    // The standard flattening: one case per object of the type that has events of its own.
    const withEvents = async (type: string) => {
      const [r] = await store.sql<{ n: number }>(
        `SELECT count(DISTINCT eo.object_id)::INTEGER AS n FROM event_object eo JOIN objects o USING (log_id, object_id)
         WHERE eo.log_id = 'o2c' AND o.object_type = $t`,
        { t: type },
      );
      return r.n;
    };
    expect(s.perObjectType?.order_line.cases).toBe(await withEvents('order_line'));
    expect(s.perObjectType?.delivery.cases).toBe(await withEvents('delivery'));
    expect(s.perObjectType?.invoice.cases).toBe(await withEvents('invoice'));
    // …which is every delivery of the ground truth, and nearly every line and invoice (lines never
    // picked or changed have no event of their own; a planted bad billing row adds or drops one).
    expect(s.perObjectType?.delivery.cases).toBe(counts.deliveries);
    expect(s.perObjectType?.order_line.cases).toBeGreaterThan(counts.orderLines * 0.95);
    expect(s.perObjectType?.order_line.cases).toBeLessThanOrEqual(counts.orderLines);
    expect(Math.abs((s.perObjectType?.invoice.cases ?? 0) - counts.invoices)).toBeLessThanOrEqual(2);
    // A delivery's trace starts when it is created, an invoice's when it is issued.
    expect(Object.keys(s.perObjectType?.delivery.startActivities ?? {})[0]).toBe('Create Delivery');
    expect(Object.keys(s.perObjectType?.invoice.startActivities ?? {})[0]).toBe('Create Invoice');
  });

  it('serve the map and variants per perspective', async () => {
    const map = await processMap(store, { perspective: 'delivery' });
    expect(map.perspective).toBe('delivery');
    expect(map.totalCases).toBe(counts.deliveries);
    const v = await variants(store, { perspective: 'invoice' });
    expect(v.totalCases).toBe((await logStats(store, 'o2c')).perObjectType?.invoice.cases);
    await expect(processMap(store, { perspective: 'customer' })).rejects.toThrow(/no perspective "customer"/);
  });

  it("keep the log's case count that of orders once the other perspectives are built", async () => {
    await logStats(store, 'o2c'); // builds all four
    const [[o2c], [{ n }]] = await Promise.all([
      logSummaries(store).then((l) => l.filter((x) => x.logId === 'o2c')),
      store.sql<{ n: number }>("SELECT count(DISTINCT perspective)::INTEGER AS n FROM cases WHERE log_id = 'o2c'"),
    ]);
    expect(n).toBe(4);
    expect(o2c.cases).toBe(counts.orders);
  });
});
