// The process map below 100 % activities (sql/queries/mining/map/dfg-projected.sql) against a plain
// TypeScript projection of the raw traces of a simulated O2C log, and the filter a click on one of
// its paths makes (`follows` / `endpoints` with `among`): it selects exactly the cases the path
// counted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../fixtures/sim/simulate';
import { ingestDirectory } from '../ingest';
import { Store } from '../sql';
import { FilterError, compileFilters } from './filter/compile';
import { selectedSql } from './filter/selection';
import type { Filter } from './filter/types';
import { processMap } from './process-map';
import { refreshCaseViews } from './refresh';
import type { MapEdge, ProcessMap } from './types';

interface Trace {
  no: number;
  segment: string | null;
  events: { activity: string; ts: number }[];
}

let dir: string;
let store: Store;
let traces: Trace[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-map-projection-'));
  await simulate({ orders: 400, seed: 11, outDir: join(dir, 'sim') });
  store = await Store.open(':memory:');
  await ingestDirectory(store, join(dir, 'sim'));
  await refreshCaseViews(store, 'o2c');
  // Epoch seconds as DuckDB computes them, so gaps compare exactly.
  const rows = await store.sql<{ case_no: number; activity: string; s: number; segment: string | null }>(
    `SELECT t.case_no, t.activity, epoch(t.ts) AS s, c.segment FROM case_trace t JOIN cases c USING (log_id, perspective, case_no)
     WHERE t.log_id = 'o2c' AND t.perspective = 'order' ORDER BY t.case_no, t.seq`,
  );
  const byNo = new Map<number, Trace>();
  for (const r of rows) {
    let t = byNo.get(r.case_no);
    if (!t) byNo.set(r.case_no, (t = { no: r.case_no, segment: r.segment, events: [] }));
    t.events.push({ activity: r.activity, ts: r.s });
  }
  traces = [...byNo.values()];
});
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface OracleEdge {
  count: number;
  cases: Set<number>;
  gaps: number[];
}

/** The projected directly-follows graph, in TypeScript: each trace keeps only `kept` activities. */
function projectedDfg(ts: readonly Trace[], kept: ReadonlySet<string>): Map<string, OracleEdge> {
  const out = new Map<string, OracleEdge>();
  const add = (k: string, no: number, gap: number | null) => {
    const e = out.get(k) ?? { count: 0, cases: new Set<number>(), gaps: [] };
    e.count++;
    e.cases.add(no);
    if (gap !== null) e.gaps.push(gap);
    out.set(k, e);
  };
  for (const t of ts) {
    const ev = t.events.filter((e) => kept.has(e.activity));
    if (!ev.length) continue;
    add(`__start__>${ev[0].activity}`, t.no, null);
    for (let i = 1; i < ev.length; i++) add(`${ev[i - 1].activity}>${ev[i].activity}`, t.no, ev[i].ts - ev[i - 1].ts);
    add(`${ev[ev.length - 1].activity}>__end__`, t.no, null);
  }
  return out;
}

/** quantile_cont: linear interpolation between the order statistics. */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}

const activities = (m: ProcessMap) => m.nodes.map((n) => n.id).filter((id) => !id.startsWith('__'));

/** What a click on the path selects (components/ProcessMapExplorer.tsx edgeFilter, with the kept activities). */
function clickFilter(e: MapEdge, among: string[]): Filter {
  if (e.source === '__start__') return { kind: 'endpoints', start: [e.target], among };
  if (e.target === '__end__') return { kind: 'endpoints', end: [e.source], among };
  return { kind: 'follows', from: e.source, to: e.target, directly: true, among };
}

async function selected(filters: Filter[]): Promise<number[]> {
  const sel = compileFilters(filters);
  const rows = await selectedSql<{ case_no: number }>(store, `SELECT case_no FROM ${sel.sql} s ORDER BY case_no`, { log_id: 'o2c', perspective: 'order' }, sel);
  return rows.map((r) => r.case_no);
}

describe('the process map with hidden activities (simulated O2C, 400 orders)', () => {
  const settings: [string, number, Filter[]][] = [
    ['60 % of activities', 60, []],
    ['30 % of activities', 30, []],
    ['45 % of activities, segment filter', 45, [{ kind: 'attribute', attribute: 'segment', values: ['SM', 'MM'] }]],
  ];

  for (const [name, activityPct, filters] of settings) {
    it(`gives the projected traces' edges, cases and gaps: ${name}`, async () => {
      const m = await processMap(store, { logId: 'o2c', perspective: 'order', activityPct, filters });
      const kept = new Set(activities(m));
      const all = new Set(traces.flatMap((t) => t.events.map((e) => e.activity)));
      expect(kept.size).toBeLessThan(all.size);
      const want = filters.length ? traces.filter((t) => t.segment === 'SM' || t.segment === 'MM') : traces;
      expect(m.totalCases).toBe(want.length);
      const oracle = projectedDfg(want, kept);
      // Some kept events follow a hidden one: the bridged edges are exercised.
      expect([...oracle.keys()].some((k) => !want.some((t) => t.events.some((e, i) => i > 0 && `${t.events[i - 1].activity}>${e.activity}` === k)))).toBe(true);
      expect(m.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual([...oracle.keys()].sort());
      for (const e of m.edges) {
        const o = oracle.get(`${e.source}>${e.target}`) as OracleEdge;
        const label = `${e.source} → ${e.target}`;
        expect([e.count, e.cases], label).toEqual([o.count, o.cases.size]);
        if (e.source === '__start__' || e.target === '__end__') {
          expect(e.medianSeconds, label).toBeNull();
          continue;
        }
        expect(e.minSeconds, label).toBe(Math.min(...o.gaps));
        expect(e.maxSeconds, label).toBe(Math.max(...o.gaps));
        expect(e.totalSeconds, label).toBeCloseTo(o.gaps.reduce((a, b) => a + b, 0), 3);
        expect(e.medianSeconds, label).toBeCloseTo(quantile(o.gaps, 0.5), 6);
        expect(e.p90Seconds, label).toBeCloseTo(quantile(o.gaps, 0.9), 6);
      }
      // A frequency map has the same counts and no times.
      const f = await processMap(store, { logId: 'o2c', perspective: 'order', activityPct, filters, performance: false });
      expect(f.edges.map((e) => [e.source, e.target, e.count, e.cases])).toEqual(m.edges.map((e) => [e.source, e.target, e.count, e.cases]));
      expect(f.edges.every((e) => e.medianSeconds === null && e.totalSeconds === null)).toBe(true);
    });

    it(`selects, for a click on each path, exactly the cases the path counted: ${name}`, async () => {
      const m = await processMap(store, { logId: 'o2c', perspective: 'order', activityPct, filters });
      const among = activities(m);
      const oracle = projectedDfg(traces, new Set(among));
      let differs = 0;
      for (const e of m.edges) {
        const got = await selected([...filters, clickFilter(e, among)]);
        expect(got.length, `${e.source} → ${e.target}`).toBe(e.cases);
        // Without the filters, the oracle's cases of the path over every trace.
        const every = await selected([clickFilter(e, among)]);
        expect(every, `${e.source} → ${e.target}`).toEqual([...(oracle.get(`${e.source}>${e.target}`)?.cases ?? [])].sort((a, b) => a - b));
        if (e.source !== '__start__' && e.target !== '__end__') {
          const full = await selected([{ kind: 'follows', from: e.source, to: e.target, directly: true }]);
          if (full.length !== every.length) differs++;
        }
      }
      // The plain directly-follows filter (whole traces) would have selected other cases.
      expect(differs).toBeGreaterThan(0);
      // `absent` selects the others.
      const e = m.edges.find((x) => x.source !== '__start__' && x.target !== '__end__') as MapEdge;
      const without = await selected([{ ...(clickFilter(e, among) as Extract<Filter, { kind: 'follows' }>), absent: true }]);
      expect(without.length).toBe(traces.length - (oracle.get(`${e.source}>${e.target}`)?.cases.size ?? 0));
    });
  }

  it('refuses an among that leaves out the activities the filter names', () => {
    expect(() => compileFilters([{ kind: 'follows', from: 'A', to: 'B', directly: true, among: ['A'] }])).toThrow(FilterError);
    expect(() => compileFilters([{ kind: 'follows', from: 'A', to: 'B', directly: true, among: ['A'] }])).toThrow(/"B" not among/);
    expect(() => compileFilters([{ kind: 'follows', from: 'A', to: 'B', directly: false, among: ['A', 'B'] }])).toThrow(/directly-follows only/);
    expect(() => compileFilters([{ kind: 'endpoints', start: ['A'], among: [] }])).toThrow(/among/);
  });
});
