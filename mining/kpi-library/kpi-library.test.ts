import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Store } from '../../sql';
import { kpiValues, type KpiValues } from './values';
import { KPIS } from './registry';
import { writeFixturePlus } from './testing/fixture-plus';
import { overviewKpis } from '../kpis';

// testing/fixture-plus.ts: the six-order fixture plus due dates, requested dates, proofs of
// delivery, order lines, a price approval and a change. March 2025 (31 days) against February.
//   orders created: March A B C D F = 5; February E = 1.
//   DSO simple March: AR at 04-01 5,700 (903 5,000 + 904 300 + 902 400) ÷ sales 3,400 × 31 = 51.97;
//     countback 31 + 2,300/5,000 × 28 = 43.88; February 5,000 ÷ 5,000 × 28 = 28 (both).
//   best-possible March: not yet due at 04-01: 902 (due 04-13) 400 + 904 (due 04-02) 300 = 700
//     → 700/3,400 × 31 = 6.38; average days delinquent 51.97 − 6.38 = 45.59 (903, due 03-13, is
//     5,000 past due). February: 903 not yet due at 03-01 → 28, delinquent 0.
//   order to ship (first PGI in period): A 48 h, B 72 h, F 24 h → 48; February E 24.
//   order cycle (Create → last Deliver in March): A 3 d 7 h = 3.2917, B 7 d 6 h = 7.25,
//     F 2 d 2 h = 2.0833 → median 3.2917.
//   invoice latency: March 901 12 h, 902 24 h, 904 24 h → 24; February 903 6 h. In local calendar
//     days (Chicago): 901 same day (03-05 02:00 → 14:00), 902 and 904 the next day → same day 1 of
//     3, none over five days; February 903 same day (02:00 → 08:00) → 100 %.
//   invoice to cash / late payment: cleared in March only 901: created 03-05 20:00, cleared 03-21
//     12:00 = 15.6667 days; local clearing date 03-21 > due 03-19 → late: 1 of 1 = 100 %.
//   OTIF (lines last delivered in March): A 1/10, 1/20 delivered 03-06 local ≤ requested 03-06, in
//     full; B 2/10 delivered 03-17 > 03-14 (late); F 6/10 on time but short → 2 of 4 = 50 %.
//   perfect orders (invoiced, last delivered in March): A (all lines OTIF, 901 first time right)
//     yes; B no (late, 902 credited and disputed) → 1 of 2 = 50 %. F is not invoiced: left out.
//   first-time-right invoices: March 901 yes, 902 no, 904 yes → 66.67 %; February 903 → 100 %.
//   touchless (March orders): A touched (a person created it and released its block), B (a person
//     approved the price), D (a person changed the quantity); C and F untouched (F's pick by a
//     person is warehouse work) → 2 of 5 = 40 %; February E → 100 %.
//   rework: D → 1 of 5 = 20 %. credit-blocked: A, C → 40 %. release time: A 12 h (C never released).
//   disputes: 902 of 901, 902, 904 → 33.33 %; by value 2,000 / 3,400 = 58.82 %; none resolved.
const MARCH = { from: '2025-03-01', to: '2025-04-01' };
const FEB = { from: '2025-02-01', to: '2025-03-01' };

let store: Store;
let all: KpiValues;
const value = (r: KpiValues, id: string, period = 0, group: string | null = null) =>
  r.kpis.find((k) => k.id === id)?.points.find((p) => p.period.from === r.periods[period].from && p.group === group);

beforeAll(async () => {
  store = await Store.open(':memory:');
  await writeFixturePlus(store);
  all = await kpiValues(store, { periods: [MARCH, FEB] });
});
afterAll(() => store?.close());

describe('the KPI library on the hand-made log', () => {
  it('has a definition in words for every KPI of domain.md §5', () => {
    const ids = KPIS.map((k) => k.id);
    for (const id of [
      'dsoSimple', 'dsoCountback', 'bestPossibleDso', 'averageDaysDelinquent', 'orderToShipHours', 'invoiceLatencyHours',
      'invoiceToCashDays', 'otifRate', 'perfectOrderRate', 'firstTimeRightRate', 'touchlessRate', 'reworkRate',
      'creditBlockReleaseHours', 'disputeRate', 'latePaymentRate',
    ]) expect(ids).toContain(id);
    for (const k of KPIS) expect(k.definition.length, k.id).toBeGreaterThan(60);
    expect(KPIS.find((k) => k.id === 'otifRate')?.definition).toContain('requested delivery date');
  });

  it.each([
    ['orders', 5, 1],
    ['dsoSimple', (5700 / 3400) * 31, 28],
    ['dsoCountback', 31 + (2300 / 5000) * 28, 28],
    ['bestPossibleDso', (700 / 3400) * 31, 28],
    ['averageDaysDelinquent', (5000 / 3400) * 31, 0],
    ['orderToShipHours', 48, 24],
    ['orderCycleDays', 3 + 7 / 24, null],
    ['invoiceLatencyHours', 24, 6],
    ['invoicedSameDayRate', 100 / 3, 100],
    ['invoicedAfterFiveDaysRate', 0, 0],
    ['invoiceToCashDays', 15 + 16 / 24, null],
    ['latePaymentRate', 100, null],
    ['otifRate', 50, null],
    ['perfectOrderRate', 50, null],
    ['firstTimeRightRate', 200 / 3, 100],
    ['touchlessRate', 40, 100],
    ['reworkRate', 20, 0],
    ['creditBlockRate', 40, 0],
    ['creditBlockReleaseHours', 12, null],
    ['disputeRate', 100 / 3, 0],
    ['disputeValueRate', (2000 / 3400) * 100, 0],
    ['disputeResolutionDays', null, null],
  ] as const)('%s: March %s, February %s', (id, march, feb) => {
    for (const [k, want] of [[0, march], [1, feb]] as const) {
      const got = value(all, id, k)?.value;
      if (want === null) expect(got, `${id} period ${k}`).toBeNull();
      else expect(got, `${id} period ${k}`).toBeCloseTo(want, 9);
    }
  });

  it('gives the same DSO, order-to-ship and latency as the overview', async () => {
    const o = await overviewKpis(store, { logId: 'o2c', period: MARCH });
    const ov = (id: string) => o.kpis.find((k) => k.id === id)?.value;
    expect(value(all, 'dsoSimple')?.value).toBeCloseTo(ov('dsoSimple') as number, 9);
    expect(value(all, 'dsoCountback')?.value).toBeCloseTo(ov('dsoCountback') as number, 9);
    expect(value(all, 'orderToShipHours')?.value).toBe(ov('medianOrderToShipHours'));
    expect(value(all, 'invoiceLatencyHours')?.value).toBe(ov('medianInvoiceLatencyHours'));
  });

  it('groups by a dimension', async () => {
    // KA: A, B (invoices 901, 902); SM: C, D, E, F (903, 904).
    //   DSO March KA: AR 400 ÷ sales 3,100 × 31 = 4; SM: 5,300 ÷ 300 × 31 = 547.67.
    //   orders March KA 2, SM 3; February KA 0 (a count), SM 1. OTIF KA 2 of 3, SM 0 of 1.
    const r = await kpiValues(store, { periods: [MARCH, FEB], groupBy: 'segment', kpis: ['orders', 'dsoSimple', 'otifRate', 'touchlessRate'] });
    expect(r.groups).toEqual(['KA', 'SM']);
    expect(value(r, 'dsoSimple', 0, 'KA')?.value).toBeCloseTo(4, 9);
    expect(value(r, 'dsoSimple', 0, 'SM')?.value).toBeCloseTo((5300 / 300) * 31, 9);
    expect([0, 1].map((k) => ['KA', 'SM'].map((g) => value(r, 'orders', k, g)?.value))).toEqual([[2, 3], [0, 1]]);
    expect(value(r, 'otifRate', 0, 'KA')?.n).toBe(3);
    expect(value(r, 'otifRate', 0, 'KA')?.value).toBeCloseTo((2 / 3) * 100, 9);
    expect(value(r, 'otifRate', 0, 'SM')).toMatchObject({ value: 0, n: 1 });
    expect(value(r, 'touchlessRate', 1, 'KA')).toMatchObject({ value: null, n: 0 });
    // The alias "customer" groups by the customer's name.
    const c = await kpiValues(store, { periods: [MARCH], groupBy: 'customer', kpis: ['orders'] });
    expect(c.groups).toEqual(['Acme', 'Bolt']);
    await expect(kpiValues(store, { periods: [MARCH], groupBy: 'case_no' })).rejects.toThrow(/cannot group by/);
  });

  it('applies a case selection to every KPI', async () => {
    // Only orders of customer 101 (C, D, E, F): the SM numbers above, without grouping.
    const selection = {
      sql: "(SELECT case_no FROM cases WHERE log_id = $log_id AND perspective = $perspective AND customer_id = $f_c)",
      params: { f_c: 'customer:101' },
      all: false,
    };
    const r = await kpiValues(store, { periods: [MARCH], selection, kpis: ['orders', 'dsoSimple', 'dsoCountback', 'invoiceLatencyHours', 'touchlessRate'] });
    expect(value(r, 'orders')?.value).toBe(3);
    expect(value(r, 'dsoSimple')?.value).toBeCloseTo((5300 / 300) * 31, 9);
    // Countback over SM's months: March 300 covered (31 days, 5,000 left), February 5,000 exactly → 59.
    expect(value(r, 'dsoCountback')?.value).toBeCloseTo(59, 9);
    expect(value(r, 'invoiceLatencyHours')?.value).toBe(24);
    expect(value(r, 'touchlessRate')?.value).toBeCloseTo((2 / 3) * 100, 9);
  });
});
