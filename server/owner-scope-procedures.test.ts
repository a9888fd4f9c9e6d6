// Every procedure honours a scoped process owner's scope, on a real store loaded from the
// simulator: each procedure has a rule (owner-scope.ts), and for every procedure that narrows by
// filters the owner's answer is the admin's answer with the scope spelled out as filters — and not
// the unscoped answer. A new procedure without a rule, or a `filters` procedure without a call
// below, fails here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../fixtures/sim/simulate';
import { ingestDirectory } from '../ingest';
import { refreshCaseViews } from '../mining';
import type { Filter } from '../mining/types';
import { Store } from '../sql';
import type { User } from './auth';
import { callerFor } from './caller';
import { OWNER_SCOPE, scopeRuleOf } from './owner-scope';
import { appRouter } from './router';

type Caller = ReturnType<typeof callerFor>;

let dir: string;
let store: Store;
let warehouse: string;
let inScope: number;
const admin: User = { id: 'adm', roles: ['admin'] };
/** A process owner who is also an analyst, so the finance procedures are reachable and narrowed too. */
let owner: User;
let spelled: Filter[];

const drain = async (out: { chunks: AsyncIterable<string> }) => {
  let text = '';
  for await (const c of out.chunks) text += c;
  return text;
};
/** The data's last full quarter and its last month (set in beforeAll from logs.dataRange). */
let period = { from: '', to: '' };
let month = { from: '', to: '' };

/** Sums of doubles come back in a different order from run to run: compare numbers to 10 digits (a rest below 1e-9 is 0). */
const rounded = (v: unknown): unknown =>
  typeof v === 'number' ? (Math.abs(v) < 1e-9 ? 0 : Number(v.toPrecision(10))) : Array.isArray(v) ? v.map(rounded) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)])) : v;

/** One call per procedure that narrows by filters; `f` are the filters the caller sends. */
const CALLS: Record<string, (c: Caller, f: Filter[]) => Promise<unknown>> = {
  'logs.filterOptions': (c, f) => c.logs.filterOptions({ logId: 'o2c', filters: f }).then(({ scope: _drop, ...o }) => o),
  'kpi.overview': (c, f) => c.kpi.overview({ logId: 'o2c', period: month, filters: f }),
  'kpi.trend': (c, f) => c.kpi.trend({ logId: 'o2c', from: period.from, to: period.to, grain: 'week', filters: f }),
  'map.process': (c, f) => c.map.process({ logId: 'o2c', filters: f, activityPct: 100, pathPct: 100 }),
  'views.variants': (c, f) => c.views.variants({ logId: 'o2c', filters: f, limit: 50 }),
  'views.durations': (c, f) => c.views.durations({ logId: 'o2c', filters: f }),
  'views.throughput': (c, f) => c.views.throughput({ logId: 'o2c', filters: f, from: 'Create Sales Order', to: 'Post Goods Issue' }),
  'views.rework': (c, f) => c.views.rework({ logId: 'o2c', filters: f }),
  'views.transitions': (c, f) => c.views.transitions({ logId: 'o2c', filters: f, dimension: 'segment' }),
  'views.wip': (c, f) => c.views.wip({ logId: 'o2c', filters: f, from: period.from, to: month.from }),
  'views.waitingProcessing': (c, f) => c.views.waitingProcessing({ logId: 'o2c', filters: f }),
  'process.slaSummary': (c, f) => c.process.slaSummary({ logId: 'o2c', filters: f }),
  'process.slaBreaches': (c, f) => c.process.slaBreaches({ logId: 'o2c', filters: f, limit: 500 }),
  'process.conformance': (c, f) => c.process.conformance({ logId: 'o2c', filters: f }),
  'cases.list': (c, f) => c.cases.list({ logId: 'o2c', filters: f, sort: { column: 'case_id', dir: 'asc' }, limit: 1000 }),
  'cases.exportCsv': (c, f) => c.cases.exportCsv({ logId: 'o2c', filters: f, sort: { column: 'case_id', dir: 'asc' } }).then(drain),
  'exceptions.summary': (c, f) => c.exceptions.summary({ logId: 'o2c', filters: f }),
  'exceptions.queue': (c, f) => c.exceptions.queue({ logId: 'o2c', filters: f, queue: 'sla', limit: 1000 }),
  'finance.kpis': (c, f) => c.finance.kpis({ logId: 'o2c', filters: f, periods: [period, month], groupBy: 'segment' }),
  'finance.dsoImpact': (c, f) => c.finance.dsoImpact({ logId: 'o2c', filters: f, period: month }),
  'finance.arAging': (c, f) => c.finance.arAging({ logId: 'o2c', filters: f, periods: [period, month] }),
  'finance.openDisputes': (c, f) => c.finance.openDisputes({ logId: 'o2c', filters: f, periods: [period, month] }),
  'finance.rootCause': (c, f) => c.finance.rootCause({ logId: 'o2c', filters: f, outcome: 'latePayment', minCases: 1 }),
};

/** Answers that are the same with or without the scope on this data, and why. */
const SAME_UNSCOPED: Record<string, string> = {
  'views.waitingProcessing': 'O2C events carry no start/complete pairs: empty for every selection',
};

beforeAll(async () => {
  process.env.THROUGHLINE_RESULT_CACHE = '0'; // every answer below is computed, none shared through the cache
  dir = mkdtempSync(join(tmpdir(), 'tl-scope-all-'));
  await simulate({ orders: 400, seed: 5, outDir: join(dir, 'sim') });
  store = await Store.open(join(dir, 'store.duckdb'));
  await ingestDirectory(store, join(dir, 'sim'));
  await refreshCaseViews(store, 'o2c');
  const [w] = await store.sql<{ w: string }>("SELECT warehouse AS w FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND warehouse NOT LIKE '%,%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  warehouse = w.w;
  const [n] = await store.sql<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND list_contains(string_split(warehouse, ','), $w)",
    { w: warehouse },
  );
  inScope = n.n;
  const range = await callerFor(store, admin).logs.dataRange({ logId: 'o2c' });
  const last = range.months.length - 2; // the last month is partial
  month = { from: `${range.months[last].id}-01`, to: `${range.months[last + 1].id}-01` };
  period = { from: `${range.months[last - 2].id}-01`, to: month.to };
  owner = { id: 'olga', roles: ['process_owner', 'analyst'], scope: { warehouses: [warehouse] } };
  spelled = [{ kind: 'attribute', attribute: 'warehouse', values: [warehouse] }];
});
afterAll(() => {
  delete process.env.THROUGHLINE_RESULT_CACHE;
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const procedures = () => appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { permission?: string }; inputs: unknown[] } }>;

describe('owner scope rules', () => {
  it('give every procedure a rule, and name no procedure that does not exist', () => {
    const missing = Object.entries(procedures())
      .filter(([path, p]) => {
        const rule = scopeRuleOf(path, p._def.meta?.permission as never);
        return rule.apply === 'refuse' && /has no owner-scope rule/.test(rule.why);
      })
      .map(([path]) => path);
    expect(missing, 'add a row to OWNER_SCOPE in server/owner-scope.ts').toEqual([]);
    expect(Object.keys(OWNER_SCOPE).filter((path) => !(path in procedures()))).toEqual([]);
    expect(scopeRuleOf('views.somethingNew', 'read')).toMatchObject({ apply: 'refuse' });
  });

  it('narrow by filters only procedures whose input takes filters, and each is compared below', () => {
    const byFilters = Object.keys(OWNER_SCOPE).filter((p) => OWNER_SCOPE[p].apply === 'filters');
    for (const path of byFilters) {
      const shape = (procedures()[path]._def.inputs[0] as { shape?: Record<string, unknown> }).shape;
      expect(shape && 'filters' in shape, `${path} takes filters`).toBe(true);
    }
    expect(Object.keys(CALLS).sort()).toEqual(byFilters.sort());
  });
});

describe("a scoped owner's answer", () => {
  for (const path of Object.keys(CALLS)) {
    it(`${path}: equals the admin's with the scope as filters, and not the unscoped one`, async () => {
      const call = CALLS[path];
      const mine = rounded(await call(callerFor(store, owner), []));
      const spelledOut = rounded(await call(callerFor(store, admin), spelled));
      const all = rounded(await call(callerFor(store, admin), []));
      expect(mine).toEqual(spelledOut);
      if (SAME_UNSCOPED[path]) expect(mine).toEqual(all);
      else expect(mine).not.toEqual(all);
      // Sending another warehouse does not widen the owner's view: scope AND that warehouse = nothing of it.
      const other = rounded(await call(callerFor(store, owner), [{ kind: 'attribute', attribute: 'warehouse', values: [`NOT-${warehouse}`] }]));
      expect(other).toEqual(rounded(await call(callerFor(store, admin), [{ kind: 'attribute', attribute: 'warehouse', values: [`NOT-${warehouse}`] }, ...spelled])));
    }, 60_000);
  }

  it('counts the cases of the scope, as an independent SQL count does', async () => {
    const c = callerFor(store, owner);
    expect(inScope).toBeGreaterThan(0);
    expect((await c.cases.list({ logId: 'o2c', filters: [], limit: 1 })).total).toBe(inScope);
    expect((await c.views.durations({ logId: 'o2c', filters: [] })).cases).toBe(inScope);
    const map = await c.map.process({ logId: 'o2c', filters: [] });
    expect(map.edges.filter((e) => e.source === '__start__').reduce((n, e) => n + e.cases, 0)).toBe(inScope);
    const v = await c.views.variants({ logId: 'o2c', filters: [], limit: 10_000 });
    expect(v.variants.reduce((n, x) => n + x.cases, 0)).toBe(inScope);
    const [created] = await store.sql<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND list_contains(string_split(warehouse, ','), $w) AND created_ts >= $from::TIMESTAMP AND created_ts < $to::TIMESTAMP",
      { w: warehouse, from: month.from, to: month.to },
    );
    const kpis = await c.kpi.overview({ logId: 'o2c', period: month });
    expect(kpis.kpis.find((k) => k.id === 'orders')!.value).toBe(created.n);
    const [all] = await store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order'");
    expect(inScope).toBeLessThan(all.n);
  });
});
