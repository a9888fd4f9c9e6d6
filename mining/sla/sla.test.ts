import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { Store } from '../../sql';
import { o2cFixture } from '../testing/o2c-fixture';
import { compileFilters } from '../filter/compile';
import { addBusinessSecondsAt, businessSecondsBetween, compileCalendar, type Calendar } from '../calendar';
import { isHoliday } from '../../fixtures/sim/worktime';
import { dayOfIso } from '../calendar';
import { refreshSla, slaBreaches, slaSummary, slaDefinitions, openBreachesAt, loadSlaPolicy, parseSlaPolicy, type SlaPolicy } from './index';
import { measureWork, rulesPayload, writeWindows } from './evaluate';

const SLA_TEXT = readFileSync('policies/sla.json', 'utf8');
const CAL_TEXT = readFileSync('policies/calendars.json', 'utf8');
const H = 3600;

/** A policy with the files' calendars and these rules (defaults as in policies/sla.json). */
function policyWith(rules: unknown[], version = 'test'): SlaPolicy {
  const doc = JSON.parse(SLA_TEXT) as Record<string, unknown>;
  return parseSlaPolicy(JSON.stringify({ ...doc, version, rules }), CAL_TEXT);
}

// The fixture (testing/o2c-fixture.ts) under policies/sla.json, newest event 03-30 12:00Z (as of).
// The us-central calendar is Mon–Fri 08:00–17:00 America/Chicago: CST (UTC−6) until 03-09, CDT
// (UTC−5) after; 1 business day = 9 h, 5 business days = 45 h.
//   credit-block-release (1 business day):
//     A set Mon 03-03 08:00:01Z (02:00 CST) → counting from 08:00 CST; released 20:00:01Z
//       (14:00:01 CST): 6 h 0 m 1 s used, due 17:00 CST (23:00Z) → met.
//     C set Fri 03-28 10:00:01Z (05:00 CDT) → 9 h of Friday 08:00–17:00 CDT: due 22:00Z; open,
//       as of Sunday 03-30 it has used exactly 9 h but is past due → open_breached, 0 % over: minor.
//   ka-credit-release-4h (segment KA = customer 100 = A, B): A used 6 h 0 m 1 s of 4 h: due
//     Mon 12:00 CST (18:00Z), breached, 50 % over → major (25–100 %).
//   ship-within-72h (elapsed; restarts at Release Credit Block):
//     A instance 0 from creation 03-03 08:00Z, restarted at the release 20:00:01Z; instance 1
//       ends at PGI 03-05 08:00Z: 36 h → met. B 72 h exactly → met (breach only past due).
//       C created 03-28 10:00Z, blocked since 10:00:01 → exempt. D created 03-20 10:00Z, open
//       242 h by 03-30 12:00Z → open_breached, 236 % over: critical. E (first PGI 24 h) and F (24 h) met.
//   invoice-within-24h (per delivery): 801 12 h, 802 24 h, 803 6 h, 804 24 h met; 805 PGI
//     03-26 08:00Z never invoiced: 100 h used → open_breached, critical.
//   dispute-resolution (5 business days, severity major from 40 %, critical above 200 %): dp_1
//     opened Sat 03-22 12:00Z → 45 h = Mon 03-24 … Fri 03-28 08:00–17:00 CDT: due Fri 22:00Z;
//     open, used 45 h → open_breached, minor.
//   rush-ship-within-24h: no ZRO orders → no clocks.
describe('SLA evaluation on the hand-made log', () => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(':memory:');
    await o2cFixture().write(store);
  });

  it('materialises one row per clock instance with status, severity and due times', async () => {
    await slaSummary(store); // evaluates
    const rows = await store.sql<{ k: string }>(
      `SELECT rule_id || ' ' || entity_id || ' #' || clock_no || ' ' || status || ' ' || coalesce(severity, '-') || ' ' ||
              round(used_seconds / 3600, 4) || ' ' || strftime(due_ts, '%m-%d %H:%M:%S') AS k
       FROM sla_clocks WHERE log_id = 'o2c' ORDER BY rule_id, entity_id, clock_no`,
    );
    expect(rows.map((r) => r.k)).toEqual([
      'credit-block-release sales_order:1 #0 met - 6.0003 03-03 23:00:00',
      'credit-block-release sales_order:3 #0 open_breached minor 9.0 03-28 22:00:00',
      'dispute-resolution dispute:dp_1 #0 open_breached minor 45.0 03-28 22:00:00',
      'invoice-within-24h delivery:801 #0 met - 12.0 03-06 08:00:00',
      'invoice-within-24h delivery:802 #0 met - 24.0 03-14 09:00:00',
      'invoice-within-24h delivery:803 #0 met - 6.0 02-12 08:00:00',
      'invoice-within-24h delivery:804 #0 met - 24.0 03-03 08:00:00',
      'invoice-within-24h delivery:805 #0 open_breached critical 100.0 03-27 08:00:00',
      'ka-credit-release-4h sales_order:1 #0 breached major 6.0003 03-03 18:00:00',
      'ship-within-72h sales_order:1 #0 restarted - 12.0003 03-06 08:00:00',
      'ship-within-72h sales_order:1 #1 met - 35.9997 03-06 20:00:01',
      'ship-within-72h sales_order:2 #0 met - 72.0 03-13 09:00:00',
      'ship-within-72h sales_order:3 #0 exempt - 50.0 03-31 10:00:00',
      'ship-within-72h sales_order:4 #0 open_breached critical 242.0 03-23 10:00:00',
      'ship-within-72h sales_order:5 #0 met - 24.0 02-13 08:00:00',
      'ship-within-72h sales_order:6 #0 met - 24.0 03-28 08:00:00',
    ]);
    const [state] = await store.sql<{ policy_version: string; clocks: number; as_of: string }>(
      `SELECT policy_version, clocks, strftime(as_of, '%Y-%m-%dT%H:%M:%SZ') AS as_of FROM sla_state WHERE log_id = 'o2c'`,
    );
    expect(state).toEqual({ policy_version: loadSlaPolicy().version, clocks: 16, as_of: '2025-03-30T12:00:00Z' });
  });

  it('summarises per rule with business-hour medians of finished clocks', async () => {
    const s = await slaSummary(store);
    const credit = s.find((r) => r.ruleId === 'credit-block-release');
    expect(credit).toMatchObject({ met: 1, breached: 0, open: 0, atRisk: 0, openBreached: 1, bySeverity: { minor: 1, major: 0, critical: 0 } });
    expect(credit?.medianBusinessHours).toBeCloseTo(6 + 1 / 3600, 9);
    // Invoices: 12, 24, 6, 24 h → median 18, p90 24 (linear: 24).
    expect(s.find((r) => r.ruleId === 'invoice-within-24h')).toMatchObject({ met: 4, openBreached: 1, medianBusinessHours: 18, p90BusinessHours: 24 });
    // Ship: A's second instance 35.9997 h, B 72, E 24, F 24 → median 30.
    const ship = s.find((r) => r.ruleId === 'ship-within-72h');
    expect(ship).toMatchObject({ met: 4, exempt: 1, restarted: 1, openBreached: 1, bySeverity: { critical: 1, major: 0, minor: 0 } });
    expect(ship?.medianBusinessHours).toBeCloseTo((24 + 35.99972222) / 2, 5);
    expect(s.find((r) => r.ruleId === 'rush-ship-within-24h')).toMatchObject({ met: 0, openBreached: 0, medianBusinessHours: null });
    expect(s.map((r) => r.ruleId)).toEqual(loadSlaPolicy().rules.map((r) => r.id));
  });

  it('lists breaches most overdue first with their age, severity and the order amount', async () => {
    const page = await slaBreaches(store, { limit: 2 });
    expect(page.total).toBe(5);
    // D's ship clock: due 03-23 10:00Z, as of 03-30 12:00Z → 170 h overdue; delivery 805: 76 h.
    expect(page.rows.map((r) => [r.caseId, r.ruleId, r.overdueHours, r.severity, r.amount])).toEqual([
      ['sales_order:4', 'ship-within-72h', 170, 'critical', 4000],
      ['sales_order:6', 'invoice-within-24h', 76, 'critical', 6000],
    ]);
    expect(page.rows[0]).toMatchObject({ start: '2025-03-20T10:00:00Z', due: '2025-03-23T10:00:00Z', end: null, status: 'open_breached', businessHoursOver: 170, allowanceHours: 72 });
    const next = await slaBreaches(store, { limit: 10, offset: 2 });
    // dispute and C's credit block: 38 h past Friday 22:00Z; A's KA credit block ended 2 h 0 m 1 s late.
    expect(next.rows.map((r) => [r.caseId, r.ruleId, Math.round(r.overdueHours * 3600)])).toEqual([
      ['sales_order:2', 'dispute-resolution', 38 * H],
      ['sales_order:3', 'credit-block-release', 38 * H],
      ['sales_order:1', 'ka-credit-release-4h', 2 * H + 1],
    ]);
    expect(next.total).toBe(5);
    const open = await slaBreaches(store, { status: 'open_breached', ruleId: 'ship-within-72h', limit: 10 });
    expect(open.rows.map((r) => r.caseId)).toEqual(['sales_order:4']);
    const exempt = await slaBreaches(store, { status: ['exempt', 'restarted'], limit: 10 });
    expect(exempt.rows.map((r) => `${r.caseId} ${r.status}`).sort()).toEqual(['sales_order:1 restarted', 'sales_order:3 exempt']);
  });

  it('restricts every reader to the case selection', async () => {
    // Segment SM = customer 101: C, D, E, F.
    const selection = compileFilters([{ kind: 'attribute', attribute: 'segment', values: ['SM'] }]);
    const page = await slaBreaches(store, { selection, limit: 10 });
    expect(page.rows.map((r) => `${r.caseId} ${r.ruleId}`)).toEqual([
      'sales_order:4 ship-within-72h',
      'sales_order:6 invoice-within-24h',
      'sales_order:3 credit-block-release',
    ]);
    const s = await slaSummary(store, { selection });
    expect(s.find((r) => r.ruleId === 'invoice-within-24h')).toMatchObject({ met: 2, openBreached: 1 });
    const [credit, ship] = await openBreachesAt(store, { asOf: ['2025-04-01'], selection });
    expect([credit.counts, ship.counts]).toEqual([[1], [1]]);
    const onlyBreached = compileFilters([{ kind: 'sla', ruleId: 'dispute-resolution', statuses: ['open_breached'] }]);
    expect((await slaBreaches(store, { selection: onlyBreached, limit: 10 })).rows.map((r) => r.caseId).sort()).toEqual(['sales_order:2']);
  });

  it('counts open breaches at any time: past due, still running, not exempt', async () => {
    const at = ['2025-03-28 22:00:00', '2025-03-28 22:00:01', '2025-03-31', '2025-04-01', '2025-03-24', '2025-03-23', '2025-03-01'];
    const r = Object.fromEntries((await openBreachesAt(store, { asOf: at })).map((x) => [x.ruleId, x.counts]));
    // C's credit block and the dispute are due Fri 03-28 22:00Z: counted from the next second.
    expect(r['credit-block-release']).toEqual([0, 1, 1, 1, 0, 0, 0]);
    expect(r['dispute-resolution']).toEqual([0, 1, 1, 1, 0, 0, 0]);
    // D breached from 03-23 10:00Z (not yet at 03-23 00:00); C is blocked, so exempt.
    expect(r['ship-within-72h']).toEqual([1, 1, 1, 1, 1, 0, 0]);
    // 805 due 03-27 08:00Z.
    expect(r['invoice-within-24h']).toEqual([1, 1, 1, 1, 0, 0, 0]);
  });

  it('restarts the clock at a restart event (ported from the elapsed-hours rules)', async () => {
    // A: created 03-03 08:00, released 03-03 20:00:01, PGI 03-05 08:00. As of 03-05 00:00 the
    // clock has run 27 h 59 m 59 s since the release (64 h since creation): not breached.
    // As of 03-05 04:00: 31 h 59 m 59 s: breached.
    const policy = policyWith([
      {
        id: 'ship-from-release',
        label: 'ship within 30 h, clock restarts at release',
        description: 'A test rule: shipped within 30 hours, restarting at a credit release.',
        start: 'Create Sales Order',
        end: ['Post Goods Issue'],
        within: { hours: 30 },
        restartOn: ['Release Credit Block'],
      },
    ]);
    const [r] = await openBreachesAt(store, { asOf: ['2025-03-05', '2025-03-05 04:00:00'], policy });
    expect(r.counts).toEqual([0, 1]);
    // Going back to the files' policy re-evaluates (the policy hash changed).
    const back = await openBreachesAt(store, { asOf: ['2025-04-01'] });
    expect(back.map((x) => x.counts[0])).toEqual([1, 1, 1, 1, 0, 0]);
  });

  it('scopes rules by case attributes, including one of several warehouses', async () => {
    const policy = policyWith([
      {
        id: 'wh2-invoice',
        label: 'WH2 orders invoiced within 4 business hours',
        description: 'A test rule scoped to orders shipped from WH2 and channel EDI or eCommerce.',
        per: 'delivery',
        start: 'Post Goods Issue',
        end: ['Create Invoice'],
        within: { businessHours: 4 },
        calendar: 'us-central',
        scope: { warehouse: ['WH2'], channel: ['EDI', 'eCommerce'] },
      },
    ]);
    // WH2 orders: B (EDI, delivery 802) and E ('WH1,WH2', eCommerce, deliveries 803 and 804).
    // 802: PGI Thu 03-13 09:00Z (04:00 CDT) → invoice Fri 03-14 09:00Z (04:00 CDT): 9 h of Thursday → breached.
    // 803: PGI Tue 02-11 08:00Z (02:00 CST) → invoice 14:00Z (08:00 CST): 0 h → met.
    // 804: PGI Sun 03-02 08:00Z → invoice Mon 03-03 08:00Z (02:00 CST): 0 h → met.
    await store.transaction((tx) => refreshSla(tx, 'o2c', 'order', policy));
    const rows = await store.sql<{ k: string }>(
      `SELECT entity_id || ' ' || status || ' ' || used_seconds / 3600 AS k FROM sla_clocks WHERE log_id = 'o2c' ORDER BY entity_id`,
    );
    expect(rows.map((r) => r.k)).toEqual(['delivery:802 breached 9.0', 'delivery:803 met 0.0', 'delivery:804 met 0.0']);
    await store.transaction((tx) => refreshSla(tx, 'o2c', 'order'));
  });

  it('gives users the definitions: rules in words and the calendars', () => {
    const d = slaDefinitions();
    expect(d.version).toBe(loadSlaPolicy().version);
    expect(d.changeNote.length).toBeGreaterThan(20);
    const credit = d.rules.find((r) => r.id === 'credit-block-release');
    expect(credit).toMatchObject({ within: '1 business day', allowanceHours: 9, calendarId: 'us-central', atRiskPct: 80 });
    expect(credit?.calendarLabel).toMatch(/America\/Chicago/);
    expect(d.rules.find((r) => r.id === 'ship-within-72h')).toMatchObject({ within: '72 h (elapsed)', calendarId: '24x7' });
    expect(d.rules.find((r) => r.id === 'ka-credit-release-4h')).toMatchObject({ within: '4 business hours', scope: { segment: ['KA'] } });
    for (const r of d.rules) expect(r.description.length).toBeGreaterThan(40);
    expect(d.calendars.find((c) => c.id === 'us-central')?.holidays).toContain('2025-11-27');
  });
});

describe('SQL business time equals the TypeScript calendar', () => {
  it('on thousands of random intervals, three calendars and elapsed time', async () => {
    const calendars = JSON.parse(CAL_TEXT) as { calendars: unknown[] };
    calendars.calendars.push({
      id: 'split-sat',
      timeZone: 'America/Chicago',
      week: { mon: ['08:00-12:00', '13:00-17:00'], wed: ['00:00-24:00'], fri: ['08:00-12:00', '13:00-17:30'], sat: ['09:00-12:00'], sun: ['01:00-03:30'] },
      holidays: ['2025-07-04', '2025-11-28'],
    });
    const rules = ['us-central', 'wh2', 'split-sat', '24x7'].map((c, i) => ({
      id: `r${i}`,
      label: `rule ${i}`,
      description: 'A test rule for comparing the SQL and TypeScript paths.',
      start: 'a',
      end: ['b'],
      within: c === '24x7' ? { hours: 10 } : { businessHours: 10 },
      ...(c === '24x7' ? {} : { calendar: c }),
    }));
    const policy = parseSlaPolicy(JSON.stringify({ ...JSON.parse(SLA_TEXT), rules }), JSON.stringify(calendars));
    const store = await Store.open(':memory:');
    let x = 987654321;
    const rnd = (): number => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const from = Date.parse('2025-01-01T00:00:00Z') / 1000;
    const asOf = Date.parse('2026-01-10T00:00:00Z') / 1000;
    type Case = { cal: Calendar; calId: string; start: number; stop: number | null; allowance: number; risk: number };
    const cases: Case[] = [];
    for (let i = 0; i < 4000; i++) {
      const calId = ['us-central', 'wh2', 'split-sat', '24x7'][i % 4];
      const cal = policy.calendars.get(calId) as Calendar;
      // Starts anywhere in 2025 (a quarter of them on the hour, to hit window edges exactly).
      let start = from + Math.floor(rnd() * 364 * 86400);
      if (i % 4 === 1) start -= start % 1800;
      const stop = rnd() < 0.25 ? null : start + Math.floor(rnd() * 20 * 86400 * rnd());
      const allowance = 1 + Math.floor(rnd() * 120 * H);
      cases.push({ cal, calId, start, stop, allowance, risk: Math.floor(allowance * 0.8) });
    }
    const ts = (t: number) => new Date(t * 1000).toISOString().replace('T', ' ').replace('Z', '');
    const measured = await store.transaction(async (tx) => {
      await writeWindows(tx, 'rnd', policy, policy.rules, from, asOf);
      await tx.query('mining/sla/work-clocks', {
        log_id: 'none', perspective: 'order', rules: rulesPayload(policy.rules),
        case_acts: '[]', object_acts: '[]', object_types: '[]',
      });
      await tx.sql(
        `INSERT INTO sla_work (log_id, perspective, case_no, case_id, rule_id, entity_id, start_event_seq, clock_no, calendar_id,
                               start_ts, stop_ts, end_ts, stopped_by, allowance_s, risk_s, major_pct, critical_pct, exempt_periods)
         SELECT 'rnd', 'order', i, 'c' || i, 'r', 'e' || i, i, 0, cal, s::TIMESTAMP, e::TIMESTAMP, e::TIMESTAMP,
                CASE WHEN e IS NULL THEN NULL ELSE 'end' END, a, r, 25, 100, []
         FROM (SELECT unnest(from_json($rows, '[{"i":"INTEGER","cal":"VARCHAR","s":"VARCHAR","e":"VARCHAR","a":"DOUBLE","r":"DOUBLE"}]'), recursive := true))`,
        { rows: JSON.stringify(cases.map((c, i) => ({ i, cal: c.calId, s: ts(c.start), e: c.stop === null ? null : ts(c.stop), a: c.allowance, r: c.risk }))) },
      );
      await measureWork(tx, 'rnd', ts(asOf), 'test');
      return tx.sql<{ i: number; used: number; due: number; risk: number; status: string }>(
        `SELECT case_no AS i, used_seconds AS used, epoch(due_ts) AS due, epoch(risk_ts) AS risk, status FROM sla_clocks WHERE log_id = 'rnd' ORDER BY case_no`,
      );
    });
    expect(measured.length).toBe(cases.length);
    const mismatches: string[] = [];
    for (const m of measured) {
      const c = cases[m.i];
      const upto = c.stop ?? asOf;
      const used = businessSecondsBetween(c.cal, c.start, upto);
      const due = addBusinessSecondsAt(c.cal, c.start, c.allowance);
      const risk = addBusinessSecondsAt(c.cal, c.start, c.risk);
      const status = c.stop !== null ? (c.stop > due ? 'breached' : 'met') : asOf > due ? 'open_breached' : used >= c.risk ? 'at_risk' : 'open';
      if (m.used !== used || m.due !== due || m.risk !== risk || m.status !== status) {
        mismatches.push(`${m.i} ${c.calId} ${ts(c.start)} → ${c.stop === null ? 'open' : ts(c.stop)}: sql ${m.used}/${m.due}/${m.risk}/${m.status} ts ${used}/${due}/${risk}/${status}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    const statuses = new Set(measured.map((m) => m.status));
    expect([...statuses].sort()).toEqual(['at_risk', 'breached', 'met', 'open', 'open_breached']);
    store.close();
  });
});

describe('the policy files', () => {
  it('load and check', () => {
    const p = loadSlaPolicy();
    expect(p.rules.map((r) => r.id)).toEqual([
      'credit-block-release', 'ship-within-72h', 'invoice-within-24h', 'dispute-resolution', 'ka-credit-release-4h', 'rush-ship-within-24h',
    ]);
    expect(p.rules.map((r) => r.allowanceSeconds / H)).toEqual([9, 72, 24, 45, 4, 24]);
    expect(p.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("close the site calendars on the simulator's holidays (2025–2026), and only on them", () => {
    const p = loadSlaPolicy();
    const spec = p.calendarSpecs.find((c) => c.id === 'us-central');
    const listed = new Set((spec?.holidays ?? []).map(dayOfIso));
    for (let d = dayOfIso('2025-01-01'); d <= dayOfIso('2026-12-31'); d++) expect(listed.has(d), String(d)).toBe(isHoliday(d));
    for (const id of ['wh1', 'wh2']) expect(p.calendarSpecs.find((c) => c.id === id)?.holidays).toEqual(spec?.holidays);
  });

  it('name the file, the rule and the field on errors', () => {
    const doc = JSON.parse(SLA_TEXT) as { rules: Record<string, unknown>[] };
    const bad = (mutate: (rules: Record<string, unknown>[]) => void) => {
      const d = structuredClone(doc);
      mutate(d.rules);
      return () => parseSlaPolicy(JSON.stringify(d), CAL_TEXT);
    };
    expect(bad((r) => (r[1].within = { hours: 72, businessHours: 8 }))).toThrow(
      /^policies\/sla\.json: rule "ship-within-72h" \(rules\[1\]\), field within: give exactly one of businessHours, businessDays, hours/,
    );
    expect(bad((r) => (r[0].calendar = 'mars'))).toThrow(/policies\/sla\.json: rule "credit-block-release" \(rules\[0\]\), field calendar: "mars" is not in policies\/calendars\.json/);
    expect(bad((r) => delete r[3].calendar)).toThrow(/rule "dispute-resolution" \(rules\[3\]\), field calendar: .*needs a calendar/);
    expect(bad((r) => (r[2].ends = ['x']))).toThrow(/rule "invoice-within-24h" \(rules\[2\]\).*ends/);
    expect(bad((r) => (r[4].scope = { region: ['x'] }))).toThrow(/rule "ka-credit-release-4h" \(rules\[4\]\), field scope: .*region/);
    expect(bad((r) => (r[4].id = 'credit-block-release'))).toThrow(/rules\[4\]\), field id: is used by an earlier rule/);
    expect(bad((r) => (r[0].end = []))).toThrow(/rules\[0\]\), field end: /);
    expect(() => parseSlaPolicy('{ "version": ', CAL_TEXT)).toThrow(/^policies\/sla\.json: not valid JSON/);
    const cals = JSON.parse(CAL_TEXT) as { calendars: Record<string, unknown>[] };
    cals.calendars[1].week = { mon: ['06:00-05:00'] };
    expect(() => parseSlaPolicy(SLA_TEXT, JSON.stringify(cals))).toThrow(/^policies\/calendars\.json: calendar "wh1" \(calendars\[1\]\), field week\.mon\[0\]/);
    cals.calendars[1].week = { mon: ['06:00-15:00'] };
    cals.calendars[1].timeZone = 'America/Chicgo';
    expect(() => parseSlaPolicy(SLA_TEXT, JSON.stringify(cals))).toThrow(/calendar "wh1" \(calendars\[1\]\), field timeZone "America\/Chicgo"/);
  });

  it('compile a calendar the same way from the file as by hand', () => {
    const p = loadSlaPolicy();
    const byHand = compileCalendar({ id: 'x', timeZone: 'America/Chicago', week: { mon: ['08:00-17:00'], tue: ['08:00-17:00'], wed: ['08:00-17:00'], thu: ['08:00-17:00'], fri: ['08:00-17:00'] }, holidays: ['2025-11-27'] });
    const fromFile = p.calendars.get('us-central') as Calendar;
    const a = Date.parse('2025-11-24T00:00:00Z') / 1000;
    expect(businessSecondsBetween(fromFile, a, a + 7 * 86400)).toBe(businessSecondsBetween(byHand, a, a + 7 * 86400));
    expect(businessSecondsBetween(fromFile, a, a + 7 * 86400)).toBe(4 * 9 * H);
  });
});
