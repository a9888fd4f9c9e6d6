import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Store } from '../../sql';
import { writeFixturePlus } from '../kpi-library/testing/fixture-plus';
import { loadTargets, withTargets } from '../kpi-library/targets';
import { dsoImpact, type DsoImpact } from './impact';

// The fixture plus (kpi-library/testing/fixture-plus.ts), March 2025: T = 31 days; invoices created
// in March, none cancelled: 901 (A, 1,100), 902 (B, 2,000), 904 (E, 300) → Σ A = 3,400.
// Targets here: credit hold 6 h, invoice latency 12 h; the rest from policies/targets.json
// (pricing 24 h, warehouse 48 h, dispute 168 h, late payment 0). As of the newest event 03-30 12:00.
//   credit hold: A 12 h → 6 h over = 0.25 d × 1,100 = 275.
//   pricing approval: B 03-10 09:30 → 03-11 15:30 = 30 h → 6 h over = 0.25 d × 2,000 = 500.
//   warehouse (free to ship → goods issue of the invoiced delivery): 901 A released 03-03 20:00:01,
//     PGI 03-05 08:00 = 35.99 h → 0; 902 B free from the approval 03-11 15:30, PGI 03-13 09:00 =
//     41.5 h → 0 (the 30 h approval is not counted again); 904 E created 02-10 08:00, PGI of 804
//     03-02 08:00 = 20 d → 18 d over × 300 = 5,400.
//   invoice latency: 901 12 h → 0; 902 24 h → 0.5 d × 2,000 = 1,000; 904 24 h → 0.5 × 300 = 150.
//   dispute: 902 open since 03-22 12:00 → 8 d at 03-30 12:00 → 1 d over × 2,000 = 2,000.
//   late payment: 901 cleared 03-21, due 03-19 → 2 d × 1,100 = 2,200; 902 and 904 not yet due.
//   In DSO (dispute + late): 4,200 → ΔDSO 4,200 / 3,400 = 1.2353 d, cash tied up 4,200 / 31 = 135.48,
//     carrying cost at 8 % 10.84 a year; DSO 5,700/3,400 × 31 = 51.97 → what-if 50.74.
//   Before the invoice: 275 + 500 + 5,400 + 1,150 = 7,325 → 2.1544 d of cash later, DSO unchanged.
const MARCH = { from: '2025-03-01', to: '2025-04-01' };
let store: Store;
let r: DsoImpact;
const stage = (id: string) => r.stages.find((s) => s.stage === id)!;

beforeAll(async () => {
  store = await Store.open(':memory:');
  await writeFixturePlus(store);
  r = await dsoImpact(store, { period: MARCH, targets: withTargets(loadTargets(), { stages: { creditHold: 6, invoiceLatency: 12 } }) });
});
afterAll(() => store?.close());

describe('DSO impact on the hand-made log', () => {
  it('takes the invoices of the period and the DSO', () => {
    expect(r).toMatchObject({ days: 31, invoices: 3, amount: 3400, asOf: '2025-03-30T12:00:00Z', costOfCapital: 0.08, targetsVersion: 1 });
    expect(r.dso).toBeCloseTo((5700 / 3400) * 31, 9);
  });

  it.each([
    ['creditHold', 1, 275, false],
    ['pricingApproval', 1, 500, false],
    ['warehouse', 1, 5400, false],
    ['invoiceLatency', 2, 1150, false],
    ['dispute', 1, 2000, true],
    ['latePayment', 1, 2200, true],
  ] as const)('%s: %i invoices over target, Σ A·d = %d', (id, n, ad, visible) => {
    const s = stage(id);
    expect(s.invoicesOverTarget).toBe(n);
    expect(s.amountDays).toBeCloseTo(ad, 6);
    expect(s.cashTiedUp).toBeCloseTo(ad / 31, 6);
    expect(s.deltaDays).toBeCloseTo(ad / 3400, 9);
    expect(s.carryingCostPerYear).toBeCloseTo((ad / 31) * 0.08, 9);
    expect(s.visibleInDso).toBe(visible);
    expect(s.whatIfDso).toBeCloseTo(visible ? (5700 / 3400) * 31 - ad / 3400 : (5700 / 3400) * 31, 9);
  });

  it('sums what DSO shows and what happens before the invoice separately', () => {
    expect(r.inDso.deltaDays).toBeCloseTo(4200 / 3400, 9);
    expect(r.inDso.cashTiedUp).toBeCloseTo(4200 / 31, 9);
    expect(r.inDso.whatIfDso).toBeCloseTo((5700 / 3400) * 31 - 4200 / 3400, 9);
    expect(r.beforeInvoice.deltaDays).toBeCloseTo(7325 / 3400, 9);
  });

  it('names the order paths and attribute values that carry each stage', () => {
    const wh = stage('warehouse');
    expect(wh.topVariants).toHaveLength(1);
    expect(wh.topVariants[0].value.startsWith('Create Sales Order → Create Delivery → Post Goods Issue')).toBe(true);
    expect(wh.topValues).toContainEqual({ dimension: 'segment', value: 'SM', invoices: 1, amountDays: 5400, deltaDays: 5400 / 3400 });
    // Invoice latency: 902 (KA, EDI) 1,000 before 904 (SM, eCommerce) 150; both ZOR.
    const lat = stage('invoiceLatency');
    expect(lat.topValues[0]).toMatchObject({ dimension: 'order_type', value: 'ZOR', invoices: 2, amountDays: 1150 });
    expect(lat.topValues.filter((c) => c.dimension === 'segment').map((c) => [c.value, c.amountDays])).toEqual([['KA', 1000], ['SM', 150]]);
  });

  it('uses the targets file by default: a 24 h credit hold target leaves A (12 h) within it', async () => {
    const d = await dsoImpact(store, { period: MARCH });
    expect(d.stages.find((s) => s.stage === 'creditHold')?.amountDays).toBe(0);
    expect(d.stages.find((s) => s.stage === 'invoiceLatency')?.amountDays).toBe(0);
  });

  it('follows the case selection', async () => {
    const selection = {
      sql: "(SELECT case_no FROM cases WHERE log_id = $log_id AND perspective = $perspective AND segment = 'KA')",
      params: {},
      all: false,
    };
    // KA: 901, 902 → Σ A 3,100; late payment 2,200 → ΔDSO 2,200 / 3,100; DSO 4 → what-if 4 − 0.71.
    const d = await dsoImpact(store, { period: MARCH, selection });
    expect([d.invoices, d.amount]).toEqual([2, 3100]);
    const late = d.stages.find((s) => s.stage === 'latePayment')!;
    expect(late.deltaDays).toBeCloseTo(2200 / 3100, 9);
    expect(late.whatIfDso).toBeCloseTo(4 - 2200 / 3100, 9);
  });
});
