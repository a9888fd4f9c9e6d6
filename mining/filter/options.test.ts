// The filter bar's options must agree with what the filters then select: each listed value's case
// count is the count of cases an attribute filter with that value keeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { importXes } from '../../ingest/xes';
import { Store } from '../../sql';
import { simulatedStore, type SimulatedStore } from '../testing/simulated-store';
import { caseDurations } from '../views';
import { filterOptions } from './options';

const DATASETS = join(__dirname, '../../../shared/datasets');

describe('filter options on simulated O2C data', () => {
  let sim: SimulatedStore;
  beforeAll(async () => {
    sim = await simulatedStore({ orders: 400, seed: 5 });
  });
  afterAll(() => sim?.close());

  it('lists every activity with the cases whose variant contains it', async () => {
    const o = await filterOptions(sim.store, { logId: 'o2c' });
    expect(o.perspective).toBe('order');
    const expected = await sim.store.sql<{ activity: string; cases: number }>(
      `SELECT a AS activity, count(DISTINCT case_id)::BIGINT AS cases
       FROM (SELECT case_id, unnest(string_split(variant, ' → ')) AS a FROM cases WHERE log_id = 'o2c' AND perspective = 'order')
       GROUP BY a ORDER BY cases DESC, activity`,
    );
    expect(o.activities).toEqual(expected);
    expect(o.activities.map((a) => a.activity)).toContain('Create Sales Order');
    expect(o.activities[0].cases).toBe(400);
  });

  it("each attribute value's count is what the attribute filter selects", async () => {
    const o = await filterOptions(sim.store, { logId: 'o2c' });
    const names = o.attributes.map((a) => a.attribute);
    expect(names).toEqual(expect.arrayContaining(['segment', 'channel', 'order_type', 'warehouse', 'customer_name', 'payment_terms']));
    for (const name of ['segment', 'warehouse', 'channel']) {
      const a = o.attributes.find((x) => x.attribute === name)!;
      expect(a.values.length).toBe(a.distinctValues);
      for (const v of a.values) {
        const d = await caseDurations(sim.store, { logId: 'o2c', filters: [{ kind: 'attribute', attribute: name, values: [v.value] }] });
        expect(d.cases, `${name}=${v.value}`).toBe(v.cases);
      }
    }
    // Multi-warehouse orders count for each of their warehouses.
    const wh = o.attributes.find((x) => x.attribute === 'warehouse')!;
    expect(wh.values.every((v) => !v.value.includes(','))).toBe(true);
    const [{ n, multi }] = await sim.store.sql<{ n: number; multi: number }>(
      `SELECT sum(len(string_split(warehouse, ',')))::BIGINT AS n, count(*) FILTER (WHERE warehouse LIKE '%,%')::BIGINT AS multi
       FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND warehouse IS NOT NULL`,
    );
    expect(wh.values.reduce((s, v) => s + v.cases, 0)).toBe(n);
    expect(multi).toBeGreaterThan(0);
  });
});

describe('filter options on an XES log', () => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(':memory:');
    await importXes(store, join(DATASETS, 'running-example.xes'), { logId: 'x' });
  });
  afterAll(() => store?.close());

  it("offers the case objects' own attributes, and the filter agrees", async () => {
    const o = await filterOptions(store, { logId: 'x' });
    expect(o.perspective).toBe('case');
    expect(o.activities.find((a) => a.activity === 'register request')?.cases).toBe(6);
    const creator = o.attributes.find((a) => a.attribute === 'creator');
    expect(creator?.values).toEqual([{ value: 'Fluxicon Nitro', cases: 6 }]);
    const d = await caseDurations(store, { logId: 'x', filters: [{ kind: 'attribute', attribute: 'creator', values: ['Fluxicon Nitro'] }] });
    expect(d.cases).toBe(6);
  });
});
