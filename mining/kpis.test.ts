import { describe, it, expect, beforeAll } from 'vitest';
import { Store } from '../sql';
import { ALL_CASES, selectedQuery } from './filter/selection';
import { overviewKpis, kpiTrend, openSlaBreaches, dsoCountback, dsoSimple } from './kpis';
import { o2cFixture } from './testing/o2c-fixture';
import type { KpiValue, OverviewKpis } from './types';

// The fixture (testing/o2c-fixture.ts), March 2025 against February:
//   orders created: March A B C D F = 5; February E = 1.
//   order to ship (first PGI in the period): March A 48 h, B 72 h, F 24 h → median 48;
//     February E 24 h → 24. (E's second delivery ships in March but is not its first PGI.)
//   invoice latency (invoices created in the period): March 901 12 h, 902 24 h, 904 24 h → 24;
//     February 903 6 h → 6.
//   AR at 04-01: 903 5,000 + 904 300 + 902 (2,000 − 100 credit − 1,500 cash) 400 + 901 0 = 5,700.
//   credit sales in March: 1,100 + 2,000 + 300 = 3,400 → DSO simple 5,700 / 3,400 × 31 = 51.97.
//   countback: March's 3,400 is fully covered (31 days, 2,300 left), then 2,300 / 5,000 of
//     February's 28 days = 12.88 → 43.88.
//   February: AR at 03-01 = 5,000 = February's sales → simple and countback both 28.
//   open SLA breaches as of 04-01 (policies/sla.json; the us-central business calendar is
//     Mon–Fri 08:00–17:00 America/Chicago, CDT = UTC−5 since 03-09):
//     credit block of C: set Fri 03-28 10:00:01Z (05:00 CDT), 1 business day = 9 h → due that
//       Friday 17:00 CDT (22:00Z), never released → breached;
//     D not shipped since 03-20 10:00 (72 h elapsed, C is blocked, so not counted);
//     delivery 805 not invoiced since 03-26 08:00 (24 h elapsed);
//     dispute dp_1 opened Sat 03-22 12:00Z, 5 business days = 45 h = Mon 03-24 … Fri 03-28
//       08:00–17:00 CDT → due Fri 22:00Z, still open → breached (it was 7 calendar days before
//       business calendars; 9.5 days either way);
//     the key-account credit rule (A's block ended) and rush orders (none): 0 → 4. As of 03-01: none.
const byId = (o: OverviewKpis, id: string) => o.kpis.find((k) => k.id === id) as KpiValue;

describe('overview KPIs on the hand-made log', () => {
  let store: Store;
  let march: OverviewKpis;
  beforeAll(async () => {
    store = await Store.open(':memory:');
    await o2cFixture().write(store);
    march = await overviewKpis(store, { logId: 'o2c', period: { from: '2025-03-01', to: '2025-04-01' } });
  });

  it('sums the ledger per day when every bound is a midnight, to the same AR and sales as per instant', async () => {
    const weeks = Array.from({ length: 10 }, (_, i) => ({ i, from: new Date(Date.UTC(2025, 1, 3 + 7 * i)).toISOString().slice(0, 10), to: new Date(Date.UTC(2025, 1, 10 + 7 * i)).toISOString().slice(0, 10) }));
    const read = (byDay: boolean) =>
      selectedQuery<{ i: number; ar_end: number; sales: number; has_history: boolean }>(store, 'mining/kpi/receivables', { log_id: 'o2c', periods: JSON.stringify(weeks), by_day: byDay, all_cases: true }, ALL_CASES);
    const [day, instant] = await Promise.all([read(true), read(false)]);
    expect(day.map((r) => [r.i, r.has_history])).toEqual(instant.map((r) => [r.i, r.has_history]));
    for (let k = 0; k < day.length; k++) {
      expect(day[k].ar_end).toBeCloseTo(instant[k].ar_end, 6);
      expect(day[k].sales).toBeCloseTo(instant[k].sales, 6);
    }
    expect(instant.some((r) => r.sales > 0) && instant.some((r) => r.ar_end > 0)).toBe(true);
  });

  it('compares the period with the month before and is as of the newest event', () => {
    expect(march.period).toEqual({ from: '2025-03-01', to: '2025-04-01' });
    expect(march.previousPeriod).toEqual({ from: '2025-02-01', to: '2025-03-01' });
    expect(march.asOf).toBe('2025-03-30T12:00:00Z');
  });

  it('counts orders created in the period', () => {
    expect(byId(march, 'orders')).toMatchObject({ value: 5, previous: 1, unit: 'count', higherIsBetter: true });
  });

  it('takes the median order-to-ship over orders whose first goods issue is in the period', () => {
    expect(byId(march, 'medianOrderToShipHours')).toMatchObject({ value: 48, previous: 24, unit: 'hours' });
  });

  it('takes the median invoice latency over invoices created in the period', () => {
    expect(byId(march, 'medianInvoiceLatencyHours')).toMatchObject({ value: 24, previous: 6 });
  });

  it('computes DSO simple from AR at period end and credit sales in the period', () => {
    const k = byId(march, 'dsoSimple');
    expect(k.value).toBeCloseTo((5700 / 3400) * 31, 9);
    expect(k.previous).toBeCloseTo(28, 9);
    expect(k.unit).toBe('days');
  });

  it('computes DSO countback by walking monthly sales newest first', () => {
    const k = byId(march, 'dsoCountback');
    expect(k.value).toBeCloseTo(31 + (2300 / 5000) * 28, 9);
    expect(k.previous).toBeCloseTo(28, 9);
  });

  it('counts open SLA breaches at period end, rule by rule', () => {
    const k = byId(march, 'openSlaBreaches');
    expect([k.value, k.previous]).toEqual([4, 0]);
    expect(k.breakdown?.map((b) => [b.id, b.value, b.previous])).toEqual([
      ['credit-block-release', 1, 0],
      ['ship-within-72h', 1, 0],
      ['invoice-within-24h', 1, 0],
      ['dispute-resolution', 1, 0],
      ['ka-credit-release-4h', 0, 0],
      ['rush-ship-within-24h', 0, 0],
    ]);
  });

  it('gives every KPI a plain-language definition', () => {
    expect(march.kpis.map((k) => k.id)).toEqual([
      'orders', 'medianOrderToShipHours', 'medianInvoiceLatencyHours', 'dsoSimple', 'dsoCountback', 'openSlaBreaches',
    ]);
    for (const k of march.kpis) expect(k.definition.length).toBeGreaterThan(40);
  });

  it('defaults to the last full calendar month in the data', async () => {
    const o = await overviewKpis(store, { logId: 'o2c' });
    expect(o.period).toEqual({ from: '2025-02-01', to: '2025-03-01' });
    expect(o.previousPeriod).toEqual({ from: '2025-01-01', to: '2025-02-01' });
    expect(byId(o, 'orders')).toMatchObject({ value: 1, previous: 0 });
  });

  it('gives a monthly trend with the same numbers', async () => {
    const t = await kpiTrend(store, { logId: 'o2c', grain: 'month' });
    expect(t.map((p) => p.bucket)).toEqual(['2025-02-01', '2025-03-01']);
    // March ends after the newest event (03-30 12:00): partial, so no DSO by default.
    expect(t[1]).toMatchObject({ orders: 5, medianOrderToShipHours: 48, medianInvoiceLatencyHours: 24, dsoSimple: null, partial: true });
    expect(t[0]).toMatchObject({ orders: 1, medianOrderToShipHours: 24, medianInvoiceLatencyHours: 6, dsoSimple: 28, partial: false });
  });

  it('gives weekly buckets starting on Mondays', async () => {
    const t = await kpiTrend(store, { logId: 'o2c', grain: 'week', from: '2025-03-01', to: '2025-03-17' });
    expect(t.map((p) => [p.bucket, p.orders])).toEqual([
      ['2025-02-24', 0],
      ['2025-03-03', 1],
      ['2025-03-10', 1],
    ]);
  });
});

describe('SLA rules', () => {
  it('restarts the ship clock when a block is lifted and ignores orders blocked right now', async () => {
    const store = await Store.open(':memory:');
    await o2cFixture().write(store);
    // As of 03-31 00:00 C (created 03-28 10:00, blocked) is exempt; D (03-20) breached.
    // As of 03-24 00:00 D has run 86 h: breached; as of 03-23 00:00, 62 h: not yet.
    const [, ship] = await openSlaBreaches(store, { logId: 'o2c', asOf: ['2025-03-31', '2025-03-24', '2025-03-23'] });
    expect(ship.counts).toEqual([1, 1, 0]);
    // With a business calendar: C's credit block is due Fri 03-28 22:00Z (see the top), so it
    // is an open breach one second later and not at that instant; 03-31 00:00 is a Monday.
    const [credit] = await openSlaBreaches(store, { logId: 'o2c', asOf: ['2025-03-28 22:00:00', '2025-03-28 22:00:01', '2025-03-31'] });
    expect(credit.counts).toEqual([0, 1, 1]);
    // (The restart with a custom rule is in sla/sla.test.ts.)
  });
});

describe('DSO arithmetic', () => {
  it('returns no simple DSO without sales', () => {
    expect(dsoSimple(100, 0, 30)).toBeNull();
    expect(dsoSimple(100, 200, 30)).toBe(15);
  });

  it('counts back through fully covered months, then the covered share of the next', () => {
    const months = [
      { sales: 100, days: 31, hasHistory: true },
      { sales: 200, days: 28, hasHistory: true },
      { sales: 400, days: 31, hasHistory: false },
    ];
    expect(dsoCountback(50, months)).toBeCloseTo(15.5, 9);
    expect(dsoCountback(100, months)).toBeCloseTo(31, 9);
    expect(dsoCountback(200, months)).toBeCloseTo(31 + 14, 9);
    expect(dsoCountback(500, months)).toBeCloseTo(31 + 28 + 15.5, 9);
    // More AR than all sales in the data: every month is counted, and the walk stops there.
    expect(dsoCountback(1000, months)).toBe(90);
    expect(dsoCountback(0, months)).toBe(0);
  });
});
