// The generic views and the filters, checked two ways: against the published figures of the
// running example, and against a plain TypeScript recomputation (the oracle below) from the raw
// case view rows of a simulated O2C log, for every filter kind and their combinations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../fixtures/sim/simulate';
import { ingestDirectory } from '../../ingest';
import { importXes } from '../../ingest/xes';
import { Store } from '../../sql';
import { FilterError, compileFilters } from '../filter/compile';
import { selectedSql } from '../filter/selection';
import type { Filter } from '../filter/types';
import { processMap } from '../process-map';
import { refreshCaseViews } from '../refresh';
import { caseDurations, rework, throughputTime, transitionTimes, variants, workInProgress } from './index';

interface Ev {
  activity: string;
  ts: number;
}
interface Case {
  id: string;
  no: number;
  events: Ev[];
  attrs: Record<string, string | null>;
}

let dir: string;
let store: Store;
let cases: Case[];

async function loadOracle(logId: string, perspective: string): Promise<Case[]> {
  const rows = await store.sql<{ case_id: string; case_no: number; activity: string; ts: string; segment: string | null; channel: string | null; warehouse: string | null }>(
    `SELECT t.case_id, t.case_no, t.activity, strftime(t.ts, '%Y-%m-%dT%H:%M:%SZ') AS ts, c.segment, c.channel, c.warehouse
     FROM case_trace t JOIN cases c USING (log_id, perspective, case_no)
     WHERE t.log_id = $l AND t.perspective = $p ORDER BY t.case_no, t.seq`,
    { l: logId, p: perspective },
  );
  const byNo = new Map<number, Case>();
  for (const r of rows) {
    let c = byNo.get(r.case_no);
    if (!c) byNo.set(r.case_no, (c = { id: r.case_id, no: r.case_no, events: [], attrs: { segment: r.segment, channel: r.channel, warehouse: r.warehouse } }));
    c.events.push({ activity: r.activity, ts: Date.parse(r.ts) });
  }
  return [...byNo.values()];
}

/** The oracle: what a filter means, in plain TypeScript. */
function matches(c: Case, f: Filter): boolean {
  const acts = c.events.map((e) => e.activity);
  const start = c.events[0].ts;
  const end = c.events[c.events.length - 1].ts;
  const t = (s: string) => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
  switch (f.kind) {
    case 'timeframe': {
      const [F, T] = [t(f.from), t(f.to)];
      if (f.mode === 'contained') return start >= F && end < T;
      if (f.mode === 'intersecting') return start < T && end >= F;
      if (f.mode === 'started') return start >= F && start < T;
      return end >= F && end < T;
    }
    case 'attribute': {
      const v = c.attrs[f.attribute];
      const hit = f.attribute === 'warehouse' ? (v ?? '').split(',').some((w) => f.values.includes(w)) : v !== null && f.values.includes(v);
      return f.exclude ? !hit : hit;
    }
    case 'activity':
      return acts.includes(f.activity) !== !!f.absent;
    case 'follows': {
      let hit = false;
      if (f.directly) hit = acts.some((a, i) => i > 0 && acts[i - 1] === f.from && a === f.to);
      else hit = acts.indexOf(f.from) >= 0 && acts.lastIndexOf(f.to) > acts.indexOf(f.from);
      return hit !== !!f.absent;
    }
    case 'variant': {
      const hit = f.variants.some((v) => v.join('\u0001') === acts.join('\u0001'));
      return f.exclude ? !hit : hit;
    }
    case 'duration': {
      const secs = (end - start) / 1000;
      return (f.minSeconds === undefined || secs >= f.minSeconds) && (f.maxSeconds === undefined || secs <= f.maxSeconds);
    }
    case 'endpoints':
      return (!f.start || f.start.includes(acts[0])) && (!f.end || f.end.includes(acts[acts.length - 1]));
    case 'cases':
      return f.caseIds.includes(c.id);
    default:
      throw new Error(`no oracle for ${f.kind}`);
  }
}

async function selected(filters: Filter[]): Promise<number[]> {
  const sel = compileFilters(filters);
  const rows = await selectedSql<{ case_no: number }>(store, `SELECT case_no FROM ${sel.sql} s ORDER BY case_no`, { log_id: 'o2c', perspective: 'order' }, sel);
  return rows.map((r) => r.case_no);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-views-'));
  await simulate({ orders: 400, seed: 5, outDir: join(dir, 'sim') });
  store = await Store.open(':memory:');
  await ingestDirectory(store, join(dir, 'sim'));
  await refreshCaseViews(store, 'o2c');
  await importXes(store, join(process.cwd(), 'fixtures', 'datasets', 'running-example.xes'), { logId: 'rx' });
  await refreshCaseViews(store, 'rx');
  cases = await loadOracle('o2c', 'order');
});
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the views on the running example', () => {
  it('give its published variants, directly-follows counts, start and end activities', async () => {
    const v = await variants(store, { logId: 'rx' });
    expect(v).toMatchObject({ totalCases: 6, totalVariants: 6 });
    expect(v.variants.map((x) => x.activities.length).sort((a, b) => a - b)).toEqual([5, 5, 5, 5, 9, 13]);
    const map = await processMap(store, { logId: 'rx' });
    const edge = (a: string, b: string) => map.edges.find((e) => e.source === a && e.target === b)?.count;
    expect(map.edges.filter((e) => e.source !== '__start__' && e.target !== '__end__')).toHaveLength(16);
    expect(edge('register request', 'examine casually')).toBe(3);
    expect(edge('examine casually', 'check ticket')).toBe(4);
    expect(edge('check ticket', 'decide')).toBe(6);
    expect(edge('decide', 'reinitiate request')).toBe(3);
    expect(edge('__start__', 'register request')).toBe(6);
    expect(edge('pay compensation', '__end__')).toBe(3);
    expect(edge('reject request', '__end__')).toBe(3);
  });

  it('computes conformance on first use for a log outside the O2C order perspective, so a deviation filter works', async () => {
    const [before] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM case_fitness WHERE log_id = 'rx'`);
    expect(before.n).toBe(0); // the refresh of an XES log leaves it for later
    const d = await caseDurations(store, { logId: 'rx', filters: [{ kind: 'deviation' }] });
    const [dev] = await store.sql<{ n: number }>(`SELECT count(DISTINCT case_no)::INTEGER AS n FROM case_deviations WHERE log_id = 'rx'`);
    const [fit] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM case_fitness WHERE log_id = 'rx'`);
    expect(fit.n).toBe(6);
    // Checked against the most frequent variant, the cases that differ from it deviate.
    expect(dev.n).toBeGreaterThan(0);
    expect(d.cases).toBe(dev.n);
  });

  it('filter to the cases that were reinitiated: two cases, 22 events, and their rework', async () => {
    const filters: Filter[] = [{ kind: 'activity', activity: 'reinitiate request' }];
    const map = await processMap(store, { logId: 'rx', filters });
    expect(map).toMatchObject({ totalCases: 2, totalEvents: 22 });
    const r = await rework(store, { logId: 'rx', filters });
    expect(r).toMatchObject({ cases: 2, casesWithRework: 2, reworkRate: 1 });
    expect(r.activities.find((a) => a.activity === 'reinitiate request')).toMatchObject({ cases: 2, casesRepeated: 1, extraOccurrences: 1 });
    expect(r.activities.find((a) => a.activity === 'decide')).toMatchObject({ cases: 2, casesRepeated: 2, extraOccurrences: 3 });
    const all = await rework(store, { logId: 'rx' });
    expect(all).toMatchObject({ cases: 6, casesWithRework: 2 });
  });
});

describe('the filters against the oracle (simulated O2C, 400 orders)', () => {
  const some = () => cases[Math.floor(cases.length / 3)];
  const FILTERS: [string, () => Filter][] = [
    ['timeframe contained', () => ({ kind: 'timeframe', from: '2025-02-01', to: '2025-05-01', mode: 'contained' })],
    ['timeframe intersecting', () => ({ kind: 'timeframe', from: '2025-03-01', to: '2025-03-15', mode: 'intersecting' })],
    ['timeframe started', () => ({ kind: 'timeframe', from: '2025-03-01', to: '2025-04-01', mode: 'started' })],
    ['timeframe completed', () => ({ kind: 'timeframe', from: '2025-03-01', to: '2025-04-01', mode: 'completed' })],
    ['segment', () => ({ kind: 'attribute', attribute: 'segment', values: ['SM', 'MM'] })],
    ['not channel', () => ({ kind: 'attribute', attribute: 'channel', values: ['EDI'], exclude: true })],
    ['warehouse (multi-valued)', () => ({ kind: 'attribute', attribute: 'warehouse', values: ['WH1'] })],
    ['activity present', () => ({ kind: 'activity', activity: 'Set Credit Block' })],
    ['activity absent', () => ({ kind: 'activity', activity: 'Create Invoice', absent: true })],
    ['directly follows', () => ({ kind: 'follows', from: 'Create Sales Order', to: 'Set Credit Block', directly: true })],
    ['eventually follows', () => ({ kind: 'follows', from: 'Post Goods Issue', to: 'Apply Cash', directly: false })],
    ['not eventually follows', () => ({ kind: 'follows', from: 'Create Invoice', to: 'Apply Cash', directly: false, absent: true })],
    ['variant', () => ({ kind: 'variant', variants: [some().events.map((e) => e.activity)] })],
    ['duration', () => ({ kind: 'duration', minSeconds: 3 * 86400, maxSeconds: 40 * 86400 })],
    ['endpoints', () => ({ kind: 'endpoints', start: ['Create Sales Order'], end: ['Apply Cash', 'Clear Invoice'] })],
    ['cases', () => ({ kind: 'cases', caseIds: [cases[0].id, some().id] })],
  ];

  it('selects cases that are neither none nor all for most filters (the test data exercises them)', async () => {
    let informative = 0;
    for (const [, f] of FILTERS) {
      const n = cases.filter((c) => matches(c, f())).length;
      if (n > 0 && n < cases.length) informative++;
    }
    expect(informative).toBeGreaterThanOrEqual(FILTERS.length - 2);
  });

  for (const [name, f] of FILTERS) {
    it(`selects exactly the oracle's cases: ${name}`, async () => {
      const want = cases.filter((c) => matches(c, f())).map((c) => c.no);
      expect(await selected([f()])).toEqual(want);
    });
  }

  it('composes filters as AND, and every view agrees with the selection', async () => {
    const filters: Filter[] = [
      { kind: 'attribute', attribute: 'segment', values: ['SM'] },
      { kind: 'activity', activity: 'Set Credit Block' },
      { kind: 'timeframe', from: '2025-01-01', to: '2026-01-01', mode: 'intersecting' },
    ];
    const want = cases.filter((c) => filters.every((f) => matches(c, f)));
    expect(await selected(filters)).toEqual(want.map((c) => c.no));
    const map = await processMap(store, { filters });
    expect(map.totalCases).toBe(want.length);
    expect(map.totalEvents).toBe(want.reduce((n, c) => n + c.events.length, 0));
    const v = await variants(store, { filters });
    expect(v.totalCases).toBe(want.length);
    expect(v.totalVariants).toBe(new Set(want.map((c) => c.events.map((e) => e.activity).join('|'))).size);
    expect(v.variants.reduce((n, x) => n + x.share, 0)).toBeCloseTo(v.variants.length === v.totalVariants ? 1 : v.variants.reduce((n, x) => n + x.share, 0));
    const d = await caseDurations(store, { filters });
    const secs = want.map((c) => (c.events[c.events.length - 1].ts - c.events[0].ts) / 1000).sort((a, b) => a - b);
    expect(d.cases).toBe(want.length);
    expect(d.minSeconds).toBe(secs[0]);
    expect(d.maxSeconds).toBe(secs[secs.length - 1]);
    expect(d.meanSeconds).toBeCloseTo(secs.reduce((a, b) => a + b, 0) / secs.length, 3);
  });

  it('gives directly-follows counts and gaps equal to the oracle, start and end edges included', async () => {
    const filters: Filter[] = [{ kind: 'attribute', attribute: 'channel', values: ['EDI'] }];
    const want = cases.filter((c) => matches(c, filters[0]));
    const counts = new Map<string, { n: number; total: number; max: number; cases: Set<number> }>();
    const add = (k: string, secs: number, c: number) => {
      const e = counts.get(k) ?? { n: 0, total: 0, max: 0, cases: new Set<number>() };
      counts.set(k, { n: e.n + 1, total: e.total + secs, max: Math.max(e.max, secs), cases: e.cases.add(c) });
    };
    for (const c of want) {
      add(`__start__>${c.events[0].activity}`, 0, c.no);
      for (let i = 1; i < c.events.length; i++) add(`${c.events[i - 1].activity}>${c.events[i].activity}`, (c.events[i].ts - c.events[i - 1].ts) / 1000, c.no);
      add(`${c.events[c.events.length - 1].activity}>__end__`, 0, c.no);
    }
    const map = await processMap(store, { filters });
    expect(map.edges.length).toBe(counts.size);
    for (const n of map.nodes.filter((x) => !x.id.startsWith('__'))) {
      expect(n.cases, `cases with ${n.id}`).toBe(want.filter((c) => c.events.some((e) => e.activity === n.id)).length);
    }
    for (const e of map.edges) {
      const o = counts.get(`${e.source}>${e.target}`);
      expect(e.count, `${e.source} → ${e.target}`).toBe(o?.n);
      expect(e.cases, `cases of ${e.source} → ${e.target}`).toBe(o?.cases.size);
      if (e.source !== '__start__' && e.target !== '__end__') {
        expect(e.totalSeconds).toBeCloseTo(o?.total ?? -1, 3);
        expect(e.maxSeconds).toBe(o?.max);
      }
    }
  });

  it('gives throughput time between two activities as the oracle does', async () => {
    const secs: number[] = [];
    for (const c of cases) {
      const acts = c.events.map((e) => e.activity);
      const i = acts.indexOf('Create Sales Order');
      if (i < 0) continue;
      const j = acts.findIndex((a, k) => k > i && a === 'Create Invoice');
      if (j >= 0) secs.push((c.events[j].ts - c.events[i].ts) / 1000);
    }
    const t = await throughputTime(store, { from: 'Create Sales Order', to: 'Create Invoice' });
    expect(t.cases).toBe(secs.length);
    expect(t.meanSeconds).toBeCloseTo(secs.reduce((a, b) => a + b, 0) / secs.length, 3);
    expect(t.maxSeconds).toBe(Math.max(...secs));
  });

  it('gives per transition and dimension value the transitions, distinct cases and gap statistics of a plain SQL count', async () => {
    const plain = (value: string, join: string) =>
      store.sql<{ source: string; target: string; value: string | null; transitions: number; cases: number; median: number; mean: number; p90: number; total: number }>(
        `SELECT s.activity AS source, d.activity AS target, ${value} AS value, count(*)::INTEGER AS transitions, count(DISTINCT t.case_no)::INTEGER AS cases,
                median(t.prev_dt) AS median, avg(t.prev_dt) AS mean, quantile_cont(t.prev_dt, 0.9) AS p90, sum(t.prev_dt) AS total
         FROM case_trace t ${join}
         JOIN log_activities s ON s.log_id = t.log_id AND s.act = t.prev_act
         JOIN log_activities d ON d.log_id = t.log_id AND d.act = t.act
         WHERE t.log_id = 'o2c' AND t.perspective = 'order' AND t.prev_act IS NOT NULL
         GROUP BY ALL`,
      );
    const caseJoin = 'JOIN cases c ON c.log_id = t.log_id AND c.perspective = t.perspective AND c.case_no = t.case_no';
    const dims = [
      ['none', 'NULL::VARCHAR', ''],
      ['segment', 'c.segment', caseJoin],
      ['warehouse', 'c.warehouse', caseJoin],
      ['resource', 'e.user_id', 'JOIN events e ON e.log_id = t.log_id AND e.seq = t.event_seq'],
    ] as const;
    for (const [dimension, value, join] of dims) {
      const want = await plain(value, join);
      const got = await transitionTimes(store, { dimension, limit: 10_000 });
      expect(got.length, dimension).toBe(want.length);
      const byKey = new Map(want.map((w) => [`${w.source}>${w.target}>${w.value}`, w]));
      for (const r of got) {
        const w = byKey.get(`${r.source}>${r.target}>${r.value}`);
        const label = `${dimension}: ${r.source} → ${r.target} (${r.value})`;
        expect([r.transitions, r.cases], label).toEqual([w?.transitions, w?.cases]);
        expect(r.medianSeconds, label).toBeCloseTo(w?.median ?? NaN, 6);
        expect(r.p90Seconds, label).toBeCloseTo(w?.p90 ?? NaN, 6);
        expect(r.meanSeconds, label).toBeCloseTo(w?.mean ?? NaN, 6);
        expect(r.totalSeconds, label).toBeCloseTo(w?.total ?? NaN, 3);
      }
      // Ranked by total time.
      for (let i = 1; i < got.length; i++) expect((got[i - 1].totalSeconds ?? 0) >= (got[i].totalSeconds ?? 0), dimension).toBe(true);
    }
  });

  it('splits transition times by warehouse and counts work in progress from the same gaps', async () => {
    const rows = await transitionTimes(store, { dimension: 'warehouse', limit: 10_000 });
    const pgi = rows.filter((r) => r.target === 'Post Goods Issue');
    const n = pgi.reduce((s, r) => s + r.transitions, 0);
    const oracle = cases.reduce((s, c) => s + c.events.filter((e, i) => i > 0 && e.activity === 'Post Goods Issue').length, 0);
    expect(n).toBe(oracle);
    const wip = await workInProgress(store, { from: '2000-01-01', to: '2100-01-01' });
    // After the last day every queue has drained: each +1 met its −1.
    const last = new Map<string, number>();
    for (const p of wip) last.set(p.activity, p.wip);
    for (const [activity, v] of last) expect(v, activity).toBe(0);
    expect(Math.max(...wip.map((p) => p.wip))).toBeGreaterThan(0);
  });

  it('selects cases by SLA status and by conformance deviation, from the tables the refresh builds', async () => {
    const distinct = async (sql: string) => (await store.sql<{ n: number }>(sql))[0].n;
    const breached = await distinct(
      `SELECT count(DISTINCT case_no)::INTEGER AS n FROM sla_clocks WHERE log_id = 'o2c' AND perspective = 'order' AND status IN ('breached', 'open_breached')`,
    );
    expect(breached).toBeGreaterThan(0);
    const sla = await processMap(store, { filters: [{ kind: 'sla', statuses: ['breached', 'open_breached'] }] });
    expect(sla.totalCases).toBe(breached);
    const [rule] = await store.sql<{ rule_id: string; n: number }>(
      `SELECT rule_id, count(DISTINCT case_no)::INTEGER AS n FROM sla_clocks WHERE log_id = 'o2c' AND status = 'breached' GROUP BY rule_id ORDER BY n DESC LIMIT 1`,
    );
    expect((await variants(store, { filters: [{ kind: 'sla', ruleId: rule.rule_id, statuses: ['breached'] }] })).totalCases).toBe(rule.n);
    const [dev] = await store.sql<{ kind: string; activity: string; n: number }>(
      `SELECT kind, activity, count(DISTINCT case_no)::INTEGER AS n FROM case_deviations WHERE log_id = 'o2c' GROUP BY ALL ORDER BY n DESC LIMIT 1`,
    );
    expect(dev.n).toBeGreaterThan(0);
    const d = await caseDurations(store, { filters: [{ kind: 'deviation', deviation: dev.kind, activity: dev.activity }] });
    expect(d.cases).toBe(dev.n);
    const anyDev = await distinct(`SELECT count(DISTINCT case_no)::INTEGER AS n FROM case_deviations WHERE log_id = 'o2c'`);
    expect((await caseDurations(store, { filters: [{ kind: 'deviation' }] })).cases).toBe(anyDev);
  });

  it('refuses bad filters with the filter and field named, before any work', () => {
    expect(() => compileFilters([{ kind: 'timeframe', from: 'March', to: '2025-04-01', mode: 'started' }])).toThrow(FilterError);
    expect(() => compileFilters([{ kind: 'timeframe', from: 'March', to: '2025-04-01', mode: 'started' }])).toThrow(/filter 1 \(timeframe\) from/);
    expect(() => compileFilters([{ kind: 'attribute', attribute: 'segment', values: [] }])).toThrow(/values/);
    expect(() => compileFilters([{ kind: 'duration', minSeconds: -1 }])).toThrow(/minSeconds/);
    // Values are bound, never spliced: a quote in a value is just a value.
    const sel = compileFilters([{ kind: 'attribute', attribute: "x' OR 1=1 --", values: ["'; DROP TABLE events; --"] }]);
    expect(sel.sql).not.toContain('DROP');
    expect(sel.sql).not.toContain('1=1');
  });
});
