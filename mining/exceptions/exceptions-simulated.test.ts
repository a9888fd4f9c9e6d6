// The exception queues against the simulator: each queue's rows equal (a) an independent SQL over
// the canonical tables (events, event_object, object_object, objects), written without the case
// view, and (b) what the simulator's own per-order lives (fixtures/sim/life-types.ts) say was still
// waiting at the extract, where the lives say it; the filter bar's filters and the group filters
// narrow the rows exactly; summary and pages agree. A short window with many orders, so plenty is
// in flight at the extract.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Store } from '../../sql';
import type { OrderLife } from '../../fixtures/sim/life-types';
import { localDay } from '../../fixtures/sim/calendar';
import { simulatedStore, type SimulatedStore } from '../testing/simulated-store';
import { exceptionQueue, exceptionsSummary } from './read';
import { enrichedText } from './store';
import type { ExceptionQueueId, ExceptionRow } from './types';

let sim: SimulatedStore;
let store: Store;
const lives: { life: OrderLife; cutoff: number }[] = [];

beforeAll(async () => {
  sim = await simulatedStore({ orders: 2_500, seed: 11, days: 75, onOrder: (life, cutoff) => void lives.push({ life, cutoff }) }, 'tl-exc-sim-');
  store = sim.store;
});
afterAll(() => sim?.close());

/** Every row of a queue (paging through it). */
async function allRows(queue: ExceptionQueueId, extra: Partial<Parameters<typeof exceptionQueue>[1]> = {}): Promise<ExceptionRow[]> {
  const out: ExceptionRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await exceptionQueue(store, { queue, limit: 1000, offset, ...extra });
    out.push(...page.rows);
    if (out.length >= page.total) return out;
  }
}
const keys = (rows: ExceptionRow[]) => rows.map((r) => `${r.caseId} ${r.objectId ?? ''}`).sort();
const sqlKeys = async (sql: string) => (await store.sql<{ k: string }>(sql)).map((r) => r.k).sort();
const order = (life: OrderLife) => `sales_order:${life.vbeln}`;

/** The order's events of a kind in time order, from the canonical tables alone. */
const EV = (acts: string[], objectType: string) => `
  SELECT eo.object_id, e.activity, e.ts, e.seq FROM events e JOIN event_object eo USING (log_id, event_id)
  WHERE e.log_id = 'o2c' AND e.activity IN (${acts.map((a) => `'${a}'`).join(', ')}) AND eo.object_id LIKE '${objectType}:%'`;

describe('exception queues on a simulated distributor', () => {
  it('credit holds: orders whose last Set Credit Block has no release after it, not cancelled', async () => {
    const rows = await allRows('creditHolds');
    const independent = await sqlKeys(`
      WITH ev AS (${EV(['Set Credit Block', 'Release Credit Block', 'Cancel Order'], 'sales_order')})
      SELECT object_id || ' ' AS k FROM (
        SELECT object_id, arg_max(activity, (ts, seq)) FILTER (WHERE activity <> 'Cancel Order') AS last_block,
               count(*) FILTER (WHERE activity = 'Cancel Order') AS cancels
        FROM ev GROUP BY 1)
      WHERE last_block = 'Set Credit Block' AND cancels = 0`);
    expect(keys(rows)).toEqual(independent);
    const truth: string[] = [];
    for (const { life, cutoff } of lives) {
      const ch = life.changes.filter((c) => c.t <= cutoff && c.tab === 'VBAK').sort((a, b) => a.t - b.t);
      const credit = ch.filter((c) => c.fname === 'CMGST' && (c.new === 'B' || (c.old === 'B' && (c.new === 'A' || c.new === 'D'))));
      const cancelled = ch.some((c) => c.fname === 'ABSTK' && c.new === 'C');
      if (credit.at(-1)?.new === 'B' && !cancelled) truth.push(`${order(life)} `);
    }
    expect(keys(rows)).toEqual(truth.sort());
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r.team).toBe('Credit');
      expect(r.nextStep).toBe('Release the credit hold or ask Credit to review');
    }
  });

  it('shipped, not invoiced: deliveries with goods issue and no invoice that is not cancelled', async () => {
    const rows = await allRows('shippedNotInvoiced');
    const independent = await sqlKeys(`
      WITH shipped AS (SELECT DISTINCT object_id FROM (${EV(['Post Goods Issue'], 'delivery')})),
      cancelled AS (
        SELECT DISTINCT eo.object_id FROM events e JOIN event_object eo USING (log_id, event_id)
        WHERE e.log_id = 'o2c' AND e.activity = 'Cancel Invoice' AND eo.object_id LIKE 'invoice:%'
        UNION SELECT oo.source_id FROM object_object oo JOIN event_object eo ON eo.log_id = oo.log_id AND eo.object_id = oo.target_id
          JOIN events e ON e.log_id = eo.log_id AND e.event_id = eo.event_id AND e.activity = 'Cancel Invoice'
        WHERE oo.log_id = 'o2c' AND oo.qualifier = 'cancelled by'),
      billed AS (SELECT DISTINCT oo.source_id FROM object_object oo
                 JOIN (${EV(['Create Invoice'], 'invoice')}) inv ON inv.object_id = oo.target_id
                 WHERE oo.log_id = 'o2c' AND oo.source_id LIKE 'delivery:%' AND oo.target_id NOT IN (SELECT object_id FROM cancelled))
      SELECT min(oo.source_id) || ' ' || s.object_id AS k FROM shipped s
      JOIN object_object oo ON oo.log_id = 'o2c' AND oo.target_id = s.object_id AND oo.source_id LIKE 'sales_order:%'
      WHERE s.object_id NOT IN (SELECT source_id FROM billed) GROUP BY s.object_id`);
    expect(keys(rows)).toEqual(independent);
    const truth: string[] = [];
    for (const { life, cutoff } of lives) {
      for (const d of life.deliveries) {
        if (d.pgi > cutoff) continue;
        const live = life.invoices.some((i) => i.delivery === d && i.created <= cutoff && !(i.cancel && i.cancel.created <= cutoff));
        if (!live) truth.push(`${order(life)} delivery:${d.vbeln}`);
      }
    }
    expect(keys(rows)).toEqual(truth.sort());
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r.nextStep).toBe(`Create the invoice for delivery ${r.objectId?.slice('delivery:'.length)}`);
  });

  it('pricing approvals: order lines with a request and no decision after it, on orders not cancelled', async () => {
    const rows = await allRows('pricingApprovals');
    const independent = await sqlKeys(`
      WITH ev AS (${EV(['Request Price Approval', 'Approve Price Exception', 'Reject Price Exception'], 'order_line')}),
      lines AS (SELECT object_id, arg_max(activity, (ts, seq)) AS last_act FROM ev GROUP BY 1),
      cancelled AS (SELECT DISTINCT object_id FROM (${EV(['Cancel Order'], 'sales_order')}))
      SELECT oo.source_id || ' ' || l.object_id AS k FROM lines l
      JOIN object_object oo ON oo.log_id = 'o2c' AND oo.target_id = l.object_id AND oo.qualifier = 'comprises'
      WHERE l.last_act = 'Request Price Approval' AND oo.source_id NOT IN (SELECT object_id FROM cancelled)`);
    expect(keys(rows)).toEqual(independent);
    const truth: string[] = [];
    for (const { life, cutoff } of lives) {
      const ch = life.changes.filter((c) => c.t <= cutoff).sort((a, b) => a.t - b.t);
      if (ch.some((c) => c.fname === 'ABSTK' && c.new === 'C')) continue;
      for (const line of life.lines) {
        const last = ch.filter((c) => c.fname === 'ZZPRSTAT' && c.posnr === line.posnr).at(-1);
        if (last?.new === 'P') truth.push(`${order(life)} order_line:${life.vbeln}/${line.posnr}`);
      }
    }
    expect(keys(rows)).toEqual(truth.sort());
    expect(rows.length).toBeGreaterThan(0);
  });

  it('disputes: opened and not resolved, on the order the disputed invoice bills', async () => {
    const rows = await allRows('disputesAging');
    const independent = await sqlKeys(`
      WITH ev AS (${EV(['Open Dispute', 'Resolve Dispute'], 'dispute')}),
      d AS (SELECT object_id, arg_max(activity, (ts, seq)) AS last_act FROM ev GROUP BY 1)
      SELECT min(so.source_id) || ' ' || d.object_id AS k FROM d
      JOIN object_object inv ON inv.log_id = 'o2c' AND inv.target_id = d.object_id AND inv.source_id LIKE 'invoice:%'
      JOIN object_object so ON so.log_id = 'o2c' AND so.target_id = inv.source_id AND so.source_id LIKE 'sales_order:%'
      WHERE d.last_act = 'Open Dispute' GROUP BY d.object_id`);
    expect(keys(rows)).toEqual(independent);
    const truth: string[] = [];
    for (const { life, cutoff } of lives) {
      for (const inv of life.invoices) {
        const d = inv.dispute;
        if (inv.created <= cutoff && d && d.opened <= cutoff && d.closed > cutoff) truth.push(`${order(life)} dispute:dp_${String(d.dpId).padStart(12, '0')}`);
      }
    }
    expect(keys(rows)).toEqual(truth.sort());
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.team).toBe('Disputes');
  });

  it('late payments: invoices past their due date with an open receivable, as of the newest event', async () => {
    const rows = await allRows('latePayments');
    const [{ as_of }] = await store.sql<{ as_of: number }>(`SELECT epoch(max(ts)) AS as_of FROM events WHERE log_id = 'o2c'`);
    const today = localDay(as_of);
    const truth: string[] = [];
    const open = new Map<string, number>();
    for (const { life, cutoff } of lives) {
      for (const inv of life.invoices) {
        if (inv.created > cutoff || (inv.cancel && inv.cancel.created <= cutoff) || inv.dueDay >= today) continue;
        const credits = inv.creditMemos.filter((c) => c.created <= cutoff).reduce((s, c) => s + c.net + c.tax, 0);
        const paid = inv.payments.filter((p) => p.belnr !== 0).reduce((s, p) => s + p.amount + (p.deduction?.amount ?? 0), 0);
        const balance = inv.net + inv.tax - credits - paid;
        if (balance > 1) {
          truth.push(`${order(life)} invoice:${inv.vbeln}`);
          open.set(`invoice:${inv.vbeln}`, balance / 100);
        }
      }
    }
    expect(keys(rows)).toEqual(truth.sort());
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r.amount).toBeCloseTo(open.get(r.objectId ?? '') ?? NaN, 2);
      expect(r.due).not.toBeNull();
      expect(r.ageSeconds).toBeGreaterThan(0);
    }
  });

  it('SLA: every running clock that is breached or at risk, one row each, with its rule and owner team', async () => {
    const rows = await allRows('sla');
    const independent = await store.sql<{ rule_id: string; status: string; n: number }>(`
      SELECT rule_id, status, count(*)::INTEGER AS n FROM sla_clocks
      WHERE log_id = 'o2c' AND perspective = 'order' AND status IN ('open_breached', 'at_risk') GROUP BY ALL`);
    const mine = new Map<string, number>();
    for (const r of rows) mine.set(`${r.ruleId} ${r.status}`, (mine.get(`${r.ruleId} ${r.status}`) ?? 0) + 1);
    expect(Object.fromEntries(mine)).toEqual(Object.fromEntries(independent.map((r) => [`${r.rule_id} ${r.status}`, r.n])));
    expect(rows.length).toBeGreaterThan(5);
    const teamOf: Record<string, string> = { 'credit-block-release': 'Credit', 'ka-credit-release-4h': 'Credit', 'invoice-within-24h': 'Billing', 'dispute-resolution': 'Disputes' };
    for (const r of rows) {
      if (r.ruleId?.includes('ship')) expect(r.team).toMatch(/^Warehouse WH[12]/);
      else expect(r.team).toBe(teamOf[r.ruleId ?? '']);
      expect(r.ruleLabel).not.toBe(r.ruleId);
    }
  });

  it('the summary agrees with the pages: counts, amounts at stake, oldest age, counts per group', async () => {
    const s = await exceptionsSummary(store);
    expect(s.queues.map((q) => q.id)).toEqual(['sla', 'creditHolds', 'shippedNotInvoiced', 'pricingApprovals', 'disputesAging', 'latePayments']);
    for (const q of s.queues) {
      const rows = await allRows(q.id);
      expect(q.count).toBe(rows.length);
      const amount = rows.reduce((t, r) => t + (r.amount ?? 0), 0);
      expect(q.amounts.reduce((t, a) => t + a.amount, 0)).toBeCloseTo(amount, 2);
      expect(q.oldestSeconds).toBe(rows.length ? Math.max(...rows.map((r) => r.ageSeconds)) : null);
      for (const g of q.byGroup.warehouse) expect(g.count).toBe(rows.filter((r) => r.warehouse === g.value).length);
      for (const g of q.byGroup.team) expect(g.count).toBe(rows.filter((r) => r.team === g.value).length);
    }
    const ch = s.queues.find((q) => q.id === 'creditHolds');
    const [{ v }] = await store.sql<{ v: number }>(`SELECT sum(net_value) AS v FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND case_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]')))`, {
      ids: JSON.stringify((await allRows('creditHolds')).map((r) => r.caseId)),
    });
    expect(ch?.amounts[0]?.amount).toBeCloseTo(v, 2);
  });

  it('the filter bar and the group filters narrow each queue to exactly the matching rows', async () => {
    for (const queue of ['creditHolds', 'shippedNotInvoiced', 'latePayments', 'sla'] as const) {
      const all = await allRows(queue);
      const ka = await allRows(queue, { filters: [{ kind: 'attribute', attribute: 'segment', values: ['KA'] }] });
      expect(keys(ka)).toEqual(keys(all.filter((r) => r.segment === 'KA')));
      const wh1 = await allRows(queue, { groups: { warehouse: 'WH1' } });
      expect(keys(wh1)).toEqual(keys(all.filter((r) => r.warehouse?.split(',').includes('WH1'))));
      expect(wh1.length).toBeLessThan(all.length);
      const both = await allRows(queue, { groups: { warehouse: 'WH2', channel: 'EDI' }, filters: [{ kind: 'attribute', attribute: 'segment', values: ['KA'] }] });
      expect(keys(both)).toEqual(keys(all.filter((r) => r.warehouse?.split(',').includes('WH2') && r.channel === 'EDI' && r.segment === 'KA')));
      const s = await exceptionsSummary(store, { groups: { warehouse: 'WH1' } });
      const q = s.queues.find((x) => x.id === queue);
      expect(q?.count).toBe(wh1.length);
      // A dimension's own choices stay listed while one is chosen; the others follow the filter.
      for (const g of q?.byGroup.warehouse ?? []) expect(g.count).toBe(all.filter((r) => r.warehouse === g.value).length);
      for (const g of q?.byGroup.segment ?? []) expect(g.count).toBe(wh1.filter((r) => r.segment === g.value).length);
    }
    const team = await allRows('sla', { groups: { team: 'Billing' } });
    expect(team.length).toBeGreaterThan(0);
    expect(team.every((r) => r.team === 'Billing')).toBe(true);
  });

  it('sorts and pages: oldest first by default, by amount on request, pages that add up to the total', async () => {
    const all = await allRows('shippedNotInvoiced');
    const ages = all.map((r) => r.ageSeconds);
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
    const byAmount = (await exceptionQueue(store, { queue: 'shippedNotInvoiced', sort: 'amount', dir: 'asc', limit: 1000 })).rows.map((r) => r.amount ?? 0);
    expect(byAmount).toEqual([...byAmount].sort((a, b) => a - b));
    const p1 = await exceptionQueue(store, { queue: 'shippedNotInvoiced', limit: 3 });
    const p2 = await exceptionQueue(store, { queue: 'shippedNotInvoiced', limit: 3, offset: 3 });
    expect([...p1.rows, ...p2.rows].map((r) => r.objectId)).toEqual(all.slice(0, 6).map((r) => r.objectId));
    const past = await exceptionQueue(store, { queue: 'shippedNotInvoiced', limit: 3, offset: 100_000 });
    expect(past).toMatchObject({ total: all.length, rows: [] });
  });

  it('says what is wrong with a bad question', async () => {
    await expect(exceptionQueue(store, { queue: 'nope' as ExceptionQueueId })).rejects.toThrow(/Unknown exception queue "nope"/);
    await expect(exceptionsSummary(store, { filters: [{ kind: 'duration', minSeconds: -5 }] })).rejects.toThrow(/minSeconds: a number of seconds ≥ 0/);
    await expect(exceptionsSummary(store, { logId: 'no-such-log' })).rejects.toThrow();
  });
  it('keeps the rows in exception_rows, equal to computing them in the query (the read-only path)', async () => {
    await exceptionsSummary(store);
    const cols = 'queue, case_id, object_id, since_ts, due_ts, detail, status, age_s, amount, currency, warehouse, segment, order_type, channel, team';
    const stored = await store.sql(`SELECT ${cols} FROM exception_rows WHERE log_id = 'o2c' ORDER BY ALL`);
    const [{ as_of }] = await store.sql<{ as_of: string }>(`SELECT strftime(max(ts), '%Y-%m-%dT%H:%M:%SZ') AS as_of FROM events WHERE log_id = 'o2c'`);
    const teams = JSON.stringify({ 'credit-block-release': 'Credit', 'ka-credit-release-4h': 'Credit', 'ship-within-72h': 'Warehouse', 'rush-ship-within-24h': 'Warehouse', 'invoice-within-24h': 'Billing', 'dispute-resolution': 'Disputes' });
    const direct = await store.sql(`SELECT ${cols} FROM (${enrichedText()}) ORDER BY ALL`, { log_id: 'o2c', perspective: 'order', as_of, tz: 'America/Chicago', rule_teams: teams });
    expect(stored.length).toBeGreaterThan(50);
    expect(direct).toEqual(stored);
  });

  it('recomputes the rows when the log changes (a new credit block shows up at once)', async () => {
    const before = await exceptionsSummary(store);
    const [o] = await store.sql<{ case_id: string }>(`
      SELECT case_id FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND cancelled_ts IS NULL
        AND case_id NOT IN (SELECT case_id FROM exception_rows WHERE queue = 'creditHolds') ORDER BY case_id LIMIT 1`);
    await store.sql(`
      INSERT INTO events (log_id, event_id, activity, ts, seq, source_system, source_key, run_id)
      SELECT 'o2c', 'test:credit-block', 'Set Credit Block', max(ts), max(seq) + 1, 'sap', 'test', 'test' FROM events WHERE log_id = 'o2c'`);
    await store.sql(`INSERT INTO event_object VALUES ('o2c', 'test:credit-block', $o, 'set on')`, { o: o.case_id });
    const after = await exceptionsSummary(store);
    const count = (s: typeof before) => s.queues.find((q) => q.id === 'creditHolds')?.count ?? 0;
    expect(count(after)).toBe(count(before) + 1);
    const rows = await allRows('creditHolds');
    expect(rows.find((r) => r.caseId === o.case_id)).toMatchObject({ ageSeconds: 0, team: 'Credit' });
  });
});
