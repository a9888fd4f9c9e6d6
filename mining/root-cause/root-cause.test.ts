import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Store } from '../../sql';
import { writeFixturePlus } from '../kpi-library/testing/fixture-plus';
import { rootCause, slaBreachOutcome, type Driver } from './index';
import { ensureCaseViews } from '../refresh';

// The fixture plus (kpi-library/testing/fixture-plus.ts): six orders, A–F.
//   segment KA: A, B; SM: C, D, E, F. channel eCommerce: A, E, F; EDI: B; sales portal: C;
//   customer service: D. Credit-blocked: A, C → 2 of 6.
//   segment KA: 1 of 2 = 50 % vs SM 1 of 4 = 25 % → lift 2; SM: 25 % vs 50 % → 0.5.
//   channel sales portal (C): 1 of 1 = 100 % vs 1 of 5 = 20 % → lift 5, one excess case 1 − 0.2 = 0.8.
//   order type ZOR: every order → no contrast, left out.
//   pair KA ∧ eCommerce (A): 1 of 1 vs 1 of 5 → 5, above KA's 2 and eCommerce's 1 (1/3 vs 1/3).
let store: Store;
beforeAll(async () => {
  store = await Store.open(':memory:');
  await writeFixturePlus(store);
});
afterAll(() => store?.close());
const find = (ds: Driver[], ...cs: string[]) => ds.find((d) => d.conditions.map((c) => `${c.attribute}=${c.value}`).join(' ∧ ') === cs.join(' ∧ '));

describe('root cause by lift on the hand-made log', () => {
  it('ranks attribute values by how much more often credit holds happen with them', async () => {
    const r = await rootCause(store, { outcome: 'creditHold', attributes: ['segment', 'channel', 'order_type'], minCases: 1 });
    expect([r.cases, r.outcomeCases]).toEqual([6, 2]);
    expect(r.singles[0]).toEqual({
      conditions: [{ attribute: 'channel', value: 'sales portal' }],
      cases: 1, outcomeCases: 1, rate: 1, rateWithout: 0.2, lift: 5, excessCases: 0.8,
    });
    expect(find(r.singles, 'segment=KA')).toMatchObject({ cases: 2, outcomeCases: 1, rate: 0.5, rateWithout: 0.25, lift: 2 });
    expect(find(r.singles, 'segment=SM')).toMatchObject({ cases: 4, outcomeCases: 1, lift: 0.5 });
    expect(find(r.singles, 'order_type=ZOR')).toBeUndefined();
    expect(find(r.pairs, 'channel=eCommerce', 'segment=KA')).toMatchObject({ cases: 1, outcomeCases: 1, lift: 5 });
    // KA ∧ EDI (B) never had a hold: no better than KA alone, so not listed.
    expect(find(r.pairs, 'channel=EDI', 'segment=KA')).toBeUndefined();
  });

  it('drops values below the minimum support', async () => {
    const r = await rootCause(store, { outcome: 'creditHold', attributes: ['segment', 'channel'], minCases: 2 });
    expect(r.singles.map((d) => d.conditions[0].value).sort()).toEqual(['KA', 'SM', 'eCommerce']);
  });

  it('judges each outcome over its own population', async () => {
    // Late payment: orders with an invoice cleared by payment: A only (901, late) → 1 of 1.
    const late = await rootCause(store, { outcome: 'latePayment', minCases: 1 });
    expect([late.cases, late.outcomeCases]).toEqual([1, 1]);
    // Dispute: invoiced orders A, B, E; B disputed.
    const dispute = await rootCause(store, { outcome: 'dispute', attributes: ['segment'], minCases: 1 });
    expect([dispute.cases, dispute.outcomeCases]).toEqual([3, 1]);
    expect(find(dispute.singles, 'segment=KA')).toMatchObject({ cases: 2, outcomeCases: 1, rateWithout: 0, lift: null });
  });

  it('explains SLA breaches recorded in sla_clocks', async () => {
    const s = await Store.open(':memory:');
    await writeFixturePlus(s);
    await ensureCaseViews(s, 'o2c');
    await s.sql(`DELETE FROM sla_clocks`);
    // C and D breached "ship" (both SM): 2 of 4 SM vs 0 of 2 KA.
    // (Rows made up here, so the numbers do not depend on the SLA policy; D's clock is still open.)
    await s.sql(`INSERT INTO sla_clocks (log_id, perspective, case_no, case_id, rule_id, entity_id, start_event_seq, clock_no, calendar_id,
                   start_ts, due_ts, risk_ts, as_of, used_seconds, allowance_seconds, status, policy_version)
                 SELECT 'o2c', 'order', case_no, case_id, 'ship', case_id, 0, 0, '24x7', created_ts, created_ts, created_ts,
                        TIMESTAMP '2025-03-30 12:00:00', 0, 0, CASE WHEN case_id = 'sales_order:3' THEN 'breached' ELSE 'open_breached' END, 'test'
                 FROM cases WHERE case_id IN ('sales_order:3', 'sales_order:4')`);
    const r = await rootCause(s, { outcome: slaBreachOutcome('ship'), attributes: ['segment'], minCases: 1 });
    expect([r.cases, r.outcomeCases]).toEqual([6, 2]);
    expect(find(r.singles, 'segment=SM')).toMatchObject({ cases: 4, outcomeCases: 2, rateWithout: 0, lift: null });
    s.close();
  });
});
