// The KPI library, the DSO impact and the root cause on simulated data against what the simulator
// planted and measured (ground-truth.json effects): simulate → real ingestors → case view.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Store } from '../../sql';
import type { Effects } from '../../fixtures/sim/ground-truth';
import { simulatedStore, type SimulatedStore } from '../testing/simulated-store';
import { kpiValues, type KpiValues } from './values';
import { rootCause } from '../root-cause';
import { dsoImpact } from '../dso-impact';

const ORDERS = 2_000;
const ALL_TIME = { from: '2020-01-01', to: '2030-01-01' };
let sim: SimulatedStore;
let store: Store;
let effects: Effects;

beforeAll(async () => {
  sim = await simulatedStore({ orders: ORDERS, seed: 23 }, 'tl-kpi-sim-');
  store = sim.store;
  effects = sim.truth.effects as Effects;
});
afterAll(() => sim?.close());

/** The KPI's value per group (share 0..1 for percent KPIs) and the n behind it. */
const per = (r: KpiValues, id: string) => {
  const k = r.kpis.find((x) => x.id === id)!;
  return new Map(k.points.map((p) => [p.group, { v: k.unit === 'percent' && p.value !== null ? p.value / 100 : p.value, n: p.n }]));
};
/** The pooled share of several groups. */
const pooled = (m: Map<string | null, { v: number | null; n: number }>, groups: string[]) => {
  const xs = groups.map((g) => m.get(g)!);
  return xs.reduce((s, x) => s + (x.v as number) * x.n, 0) / xs.reduce((s, x) => s + x.n, 0);
};

describe('KPI library against the simulator', () => {
  it('gives the late-payment rate, the invoice latency distribution and the credit release time', async () => {
    const r = await kpiValues(store, {
      periods: [ALL_TIME],
      kpis: ['latePaymentRate', 'invoicedSameDayRate', 'invoicedAfterFiveDaysRate', 'creditBlockReleaseHours', 'disputeResolutionDays'],
    });
    const v = (id: string) => per(r, id).get(null)!.v as number;
    // The simulator counts invoices cleared by their final payment, by the ERP's local day.
    expect(Math.abs(v('latePaymentRate') - effects.latePaymentShare)).toBeLessThan(0.005);
    expect(v('latePaymentRate')).toBeGreaterThan(0.4);
    // It counts the first invoice of each delivery; re-issued invoices come later and count here too.
    expect(Math.abs(v('invoicedSameDayRate') - effects.invoiceLatencyShares.sameDay)).toBeLessThan(0.015);
    expect(Math.abs(v('invoicedAfterFiveDaysRate') - effects.invoiceLatencyShares.overFiveDays)).toBeLessThan(0.015);
    // Both measured to the minute by the simulator.
    expect(Math.abs(v('creditBlockReleaseHours') - effects.creditReleaseMedianHours)).toBeLessThan(0.1);
    expect(Math.abs(v('disputeResolutionDays') - effects.disputeResolutionMedianDays)).toBeLessThan(1);
  });

  it('gives touchless and rework by channel', async () => {
    const r = await kpiValues(store, { periods: [ALL_TIME], kpis: ['touchlessRate', 'reworkRate'], groupBy: 'channel' });
    const touchless = per(r, 'touchlessRate');
    const rework = per(r, 'reworkRate');
    expect([...r.groups].sort()).toEqual(['EDI', 'customer service', 'eCommerce', 'sales portal']);
    expect(touchless.get('EDI')!.v).toBeCloseTo(effects.ediTouchlessShare, 3);
    expect(pooled(touchless, ['customer service', 'eCommerce', 'sales portal'])).toBeCloseTo(effects.otherTouchlessShare, 3);
    expect(rework.get('customer service')!.v).toBeCloseTo(effects.csReworkShare, 3);
    expect(pooled(rework, ['EDI', 'eCommerce', 'sales portal'])).toBeCloseTo(effects.otherReworkShare, 3);
    expect(effects.ediTouchlessShare).toBeGreaterThan(0.8);
    expect(effects.csReworkShare).toBeGreaterThan(0.35);
  });

  it('gives credit blocks by segment', async () => {
    const r = await kpiValues(store, { periods: [ALL_TIME], kpis: ['creditBlockRate'], groupBy: 'segment' });
    const b = per(r, 'creditBlockRate');
    for (const s of ['KA', 'MM', 'SM'] as const) expect(b.get(s)!.v, s).toBeCloseTo(effects.creditBlockShareBySegment[s], 3);
  });

  it('computes every KPI of the library by month', async () => {
    const r = await kpiValues(store, { periods: [{ from: '2025-06-01', to: '2025-07-01' }, { from: '2025-07-01', to: '2025-08-01' }] });
    for (const k of r.kpis) for (const p of k.points) expect(p.value, `${k.id} ${p.period.from}`).not.toBeNull();
    const dso = per(r, 'dsoSimple').get(null)!.v as number;
    const best = per(r, 'bestPossibleDso').get(null)!.v as number;
    expect(best).toBeGreaterThan(0);
    expect(best).toBeLessThan(dso);
  });
});

describe('root cause against the planted causes', () => {
  const top = (r: Awaited<ReturnType<typeof rootCause>>) => r.singles[0].conditions.map((c) => `${c.attribute}=${c.value}`).join(' ∧ ');

  it('finds the legacy warehouse behind slow shipping', async () => {
    const r = await rootCause(store, { outcome: 'slowShipping' });
    expect(top(r)).toBe('warehouse=WH1');
    expect(r.singles[0].lift).toBeGreaterThan(2);
    expect(r.singles[0].cases).toBeGreaterThanOrEqual(r.minCases);
  });

  it('finds small customers behind credit holds', async () => {
    const r = await rootCause(store, { outcome: 'creditHold', attributes: ['segment', 'channel', 'warehouse', 'order_type', 'payment_terms'] });
    expect(top(r)).toBe('segment=SM');
    expect(r.singles[0].lift).toBeGreaterThan(2);
  });

  it('finds the customer service channel behind rework', async () => {
    const r = await rootCause(store, { outcome: 'rework', attributes: ['segment', 'channel', 'warehouse', 'order_type', 'payment_terms'] });
    expect(top(r)).toBe('channel=customer service');
    expect(r.singles[0].lift).toBeGreaterThan(2.5);
  });
});

describe('DSO impact on simulated data', () => {
  it('splits a month into stages, with late payment the largest part of what DSO shows', async () => {
    const d = await dsoImpact(store, { period: { from: '2025-06-01', to: '2025-07-01' } });
    expect(d.invoices).toBeGreaterThan(100);
    const late = d.stages.find((s) => s.stage === 'latePayment')!;
    const dispute = d.stages.find((s) => s.stage === 'dispute')!;
    expect(late.deltaDays).toBeGreaterThan(dispute.deltaDays);
    expect(d.inDso.deltaDays).toBeCloseTo(late.deltaDays + dispute.deltaDays, 9);
    expect(d.inDso.whatIfDso).toBeCloseTo((d.dso as number) - d.inDso.deltaDays, 9);
    // Warehouse delay beyond 48 h sits mostly with the legacy warehouse.
    const wh = d.stages.find((s) => s.stage === 'warehouse')!;
    const byWarehouse = wh.topValues.filter((c) => c.dimension === 'warehouse');
    expect(byWarehouse[0]?.value).toBe('WH1');
  });
});
