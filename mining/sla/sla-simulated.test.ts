// The SLA engine against the simulator's own truth: the simulator hands every order's life (the
// instants things really happened, fixtures/sim/life-types.ts) to onOrder; this test pairs the
// clocks itself from those instants, measures them with the TypeScript calendar, and expects the
// engine (sources → ingestors → case view → sla_clocks) to give the same counts by rule, status
// and severity. One year, so both DST changes and the holidays are inside.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Store } from '../../sql';
import type { OrderLife } from '../../fixtures/sim/life-types';
import { simulatedStore, type SimulatedStore } from '../testing/simulated-store';
import { addBusinessSecondsAt, businessSecondsBetween } from '../calendar';
import { loadSlaPolicy, type SlaRule } from './policy';

const ORDERS = 1_200;

interface Clock { start: number; end: number | null }
interface Order { segment: string; credit: Clock[]; disputes: Clock[]; invoices: Clock[] }

let sim: SimulatedStore;
let store: Store;
const orders: Order[] = [];

/** First instant in `ends` at or after `start`, or null. */
const firstAtOrAfter = (start: number, ends: number[]): number | null => ends.filter((t) => t >= start).sort((a, b) => a - b)[0] ?? null;

function truthOf(life: OrderLife, cutoff: number): Order {
  const ch = life.changes.filter((c) => c.t <= cutoff);
  const sets = ch.filter((c) => c.fname === 'CMGST' && c.new === 'B').map((c) => c.t);
  const stops = ch
    .filter((c) => (c.fname === 'CMGST' && c.old === 'B' && (c.new === 'A' || c.new === 'D')) || (c.fname === 'ABSTK' && c.new === 'C'))
    .map((c) => c.t);
  const disputes: Clock[] = [];
  for (const inv of life.invoices) {
    const d = inv.dispute;
    if (inv.created <= cutoff && d && d.opened <= cutoff) disputes.push({ start: d.opened, end: d.closed <= cutoff ? d.closed : null });
  }
  const invoices: Clock[] = [];
  for (const dl of life.deliveries) {
    if (dl.pgi > cutoff) continue;
    const created = life.invoices.filter((i) => i.delivery === dl && i.created <= cutoff).map((i) => i.created);
    invoices.push({ start: dl.pgi, end: firstAtOrAfter(dl.pgi, created) });
  }
  return {
    segment: life.customer.segment,
    credit: sets.map((s) => ({ start: s, end: firstAtOrAfter(s, stops) })),
    disputes,
    invoices,
  };
}

beforeAll(async () => {
  sim = await simulatedStore({ orders: ORDERS, seed: 23, onOrder: (life, cutoff) => void orders.push(truthOf(life, cutoff)) }, 'tl-sla-sim-');
  store = sim.store;
});
afterAll(() => sim?.close());

/** "status severity" → count, for clocks measured the engine's way with the TypeScript calendar. */
function expected(rule: SlaRule, clocks: Clock[], asOf: number): Record<string, number> {
  const policy = loadSlaPolicy();
  const cal = policy.calendars.get(rule.calendar);
  if (!cal) throw new Error(rule.calendar);
  const out: Record<string, number> = {};
  for (const c of clocks) {
    const upto = c.end ?? asOf;
    const used = businessSecondsBetween(cal, c.start, upto);
    const due = addBusinessSecondsAt(cal, c.start, rule.allowanceSeconds);
    const late = upto > due;
    const status = c.end !== null ? (late ? 'breached' : 'met') : late ? 'open_breached' : used >= (rule.allowanceSeconds * rule.atRiskPct) / 100 ? 'at_risk' : 'open';
    const over = ((used - rule.allowanceSeconds) / rule.allowanceSeconds) * 100;
    const severity = !late ? '-' : over > rule.severity.criticalAbovePct ? 'critical' : over >= rule.severity.majorFromPct ? 'major' : 'minor';
    const k = `${status} ${severity}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

async function engine(ruleId: string): Promise<Record<string, number>> {
  const rows = await store.sql<{ k: string; n: number }>(
    `SELECT status || ' ' || coalesce(severity, '-') AS k, count(*)::INTEGER AS n FROM sla_clocks
     WHERE log_id = 'o2c' AND perspective = 'order' AND rule_id = $r GROUP BY 1`,
    { r: ruleId },
  );
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

async function asOf(): Promise<number> {
  // The newest event of the log, which open clocks are measured to (the one value taken from the store).
  const [r] = await store.sql<{ s: number }>(`SELECT epoch(as_of) AS s FROM sla_state WHERE log_id = 'o2c' AND perspective = 'order'`);
  return r.s;
}

const rule = (id: string): SlaRule => loadSlaPolicy().rules.find((r) => r.id === id) as SlaRule;
const total = (m: Record<string, number>) => Object.values(m).reduce((s, n) => s + n, 0);

describe('SLA breaches on simulated data equal those computed from the simulator’s own times', () => {
  it('credit blocks released within 1 business day (us-central calendar)', async () => {
    const want = expected(rule('credit-block-release'), orders.flatMap((o) => o.credit), await asOf());
    expect(total(want)).toBeGreaterThan(100);
    expect(want['breached minor'] ?? 0).toBeGreaterThan(0);
    expect((want['breached major'] ?? 0) + (want['breached critical'] ?? 0)).toBeGreaterThan(0);
    expect(await engine('credit-block-release')).toEqual(want);
  });

  it('key-account credit blocks within 4 business hours (scoped by segment)', async () => {
    const want = expected(rule('ka-credit-release-4h'), orders.filter((o) => o.segment === 'KA').flatMap((o) => o.credit), await asOf());
    expect(total(want)).toBeGreaterThan(10);
    expect(await engine('ka-credit-release-4h')).toEqual(want);
  });

  it('disputes resolved within 5 business days (per dispute object)', async () => {
    const want = expected(rule('dispute-resolution'), orders.flatMap((o) => o.disputes), await asOf());
    expect(total(want)).toBeGreaterThan(10);
    expect(await engine('dispute-resolution')).toEqual(want);
  });

  it('deliveries invoiced within 24 h of goods issue (finished clocks; open ones by number)', async () => {
    const clocks = orders.flatMap((o) => o.invoices);
    const want = expected(rule('invoice-within-24h'), clocks.filter((c) => c.end !== null), await asOf());
    const got = await engine('invoice-within-24h');
    const finished = Object.fromEntries(Object.entries(got).filter(([k]) => k.startsWith('met') || k.startsWith('breached ')));
    expect(finished).toEqual(want);
    // Open clocks also depend on billing blocks (exempt); their number must match all the same.
    expect(total(got) - total(finished)).toBe(clocks.filter((c) => c.end === null).length);
  });
});
