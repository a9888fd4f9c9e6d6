// Every procedure, called as an anonymous visitor, a signed-in viewer and the admin, against a
// real temporary DuckDB store: allowed calls succeed, denied calls are refused before they run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../fixtures/sim/simulate';
import { refreshCaseViews } from '../mining';
import { ingestDirectory } from '../ingest';
import { Store } from '../sql';
import { isAdminToken, LOCAL_ADMIN, userFromRequest, type User } from './auth';
import { callerFor } from './caller';
import { appRouter } from './router';

type Caller = ReturnType<typeof callerFor>;
type Who = 'anonymous' | 'viewer' | 'admin';
/** reach = authorised and ran, but may fail in its body (no server to reach in this test). */
type Outcome = 'allow' | 'deny' | 'reach';

const USERS: Record<Who, User | null> = {
  anonymous: null,
  viewer: { id: 'vera', roles: ['viewer'] },
  admin: LOCAL_ADMIN,
};

let dir: string;
let store: Store;
let simDir: string;
/** Uploads made by the admin in beforeAll: one to preview, one the import consumes. */
let previewUpload: string;
let runUpload: string;
const RUNNING_CSV = join(process.cwd(), '..', 'shared', 'datasets', 'running-example.csv');
const XES_FILE = join(process.cwd(), 'fixtures', 'datasets', 'running-example.xes');
const RX_MAPPING = { case: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp', resource: 'org:resource' };
const uploadOf = (c: Caller) => c.imports.upload({ fileName: 'running-example.csv', contentBase64: readFileSync(RUNNING_CSV).toString('base64') });

const period = { from: '2025-03-01', to: '2025-04-01' };

/** The access table: every procedure, how to call it, and who may. Kept here, not derived. */
const ACCESS: Record<string, { call: (c: Caller) => Promise<unknown>; anonymous: Outcome; viewer: Outcome; admin: Outcome }> = {
  'logs.list': { call: (c) => c.logs.list(), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'logs.dataRange': { call: (c) => c.logs.dataRange({ logId: 'o2c' }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'kpi.overview': { call: (c) => c.kpi.overview({ logId: 'o2c', period }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'kpi.trend': { call: (c) => c.kpi.trend({ logId: 'o2c', from: '2025-01-01', to: '2025-06-01', grain: 'week' }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'map.process': {
    call: (c) => c.map.process({ logId: 'o2c', perspective: 'order', period, activityPct: 80, pathPct: 50 }),
    anonymous: 'allow',
    viewer: 'allow',
    admin: 'allow',
  },
  'logs.perspectives': { call: (c) => c.logs.perspectives({ logId: 'o2c' }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'logs.filterOptions': { call: (c) => c.logs.filterOptions({ logId: 'o2c' }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'views.variants': { call: (c) => c.views.variants({ logId: 'o2c', filters: [] }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'views.durations': { call: (c) => c.views.durations({ logId: 'o2c', filters: [] }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'views.throughput': {
    call: (c) => c.views.throughput({ logId: 'o2c', filters: [], from: 'Create Sales Order', to: 'Post Goods Issue' }),
    anonymous: 'allow',
    viewer: 'allow',
    admin: 'allow',
  },
  'views.rework': { call: (c) => c.views.rework({ logId: 'o2c', filters: [] }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'views.transitions': { call: (c) => c.views.transitions({ logId: 'o2c', filters: [], dimension: 'warehouse' }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'views.wip': { call: (c) => c.views.wip({ logId: 'o2c', filters: [], from: '2025-01-01', to: '2025-02-01' }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'views.waitingProcessing': { call: (c) => c.views.waitingProcessing({ logId: 'o2c', filters: [] }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'process.slaDefinitions': { call: (c) => c.process.slaDefinitions(), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'process.slaSummary': { call: (c) => c.process.slaSummary({ logId: 'o2c', filters: [] }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'process.slaBreaches': { call: (c) => c.process.slaBreaches({ logId: 'o2c', filters: [] }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'process.conformance': { call: (c) => c.process.conformance({ logId: 'o2c', filters: [] }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'process.caseConformance': {
    call: async (c) => c.process.caseConformance({ logId: 'o2c', caseId: (await store.sql<{ id: string }>("SELECT min(case_id) AS id FROM cases WHERE log_id = 'o2c'"))[0].id }),
    anonymous: 'allow', viewer: 'allow', admin: 'allow',
  },
  'finance.kpiDefinitions': { call: (c) => c.finance.kpiDefinitions(), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'finance.kpis': { call: (c) => c.finance.kpis({ logId: 'o2c', filters: [], periods: [period], groupBy: 'segment' }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'finance.dsoImpact': { call: (c) => c.finance.dsoImpact({ logId: 'o2c', filters: [], period }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'finance.arAging': { call: (c) => c.finance.arAging({ logId: 'o2c', filters: [], periods: [period] }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'finance.openDisputes': { call: (c) => c.finance.openDisputes({ logId: 'o2c', filters: [], periods: [period] }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'finance.outcomes': { call: (c) => c.finance.outcomes(), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'finance.rootCause': { call: (c) => c.finance.rootCause({ logId: 'o2c', filters: [], outcome: 'latePayment', minCases: 1 }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'cases.columns': { call: (c) => c.cases.columns({ logId: 'o2c' }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'cases.list': { call: (c) => c.cases.list({ logId: 'o2c', filters: [], sort: { column: 'net_value', dir: 'desc' }, limit: 5 }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'cases.detail': {
    call: async (c) => c.cases.detail({ logId: 'o2c', caseId: (await store.sql<{ id: string }>("SELECT min(case_id) AS id FROM cases WHERE log_id = 'o2c'"))[0].id }),
    anonymous: 'allow', viewer: 'allow', admin: 'allow',
  },
  'cases.exportCsv': {
    call: async (c) => {
      const out = await c.cases.exportCsv({ logId: 'o2c', filters: [] });
      let text = '';
      for await (const chunk of out.chunks) text += chunk;
      return text;
    },
    anonymous: 'allow', viewer: 'allow', admin: 'allow',
  },
  'exceptions.summary': { call: (c) => c.exceptions.summary({ logId: 'o2c', filters: [] }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'exceptions.queue': {
    call: (c) => c.exceptions.queue({ logId: 'o2c', filters: [], queue: 'creditHolds', groups: { segment: 'SM' } }),
    anonymous: 'allow', viewer: 'allow', admin: 'allow',
  },
  'ingest.run': { call: (c) => c.ingest.run({ kind: 'all', path: simDir, logId: 'o2c' }), anonymous: 'deny', viewer: 'deny', admin: 'allow' },
  'ingest.importFile': {
    call: (c) => c.ingest.importFile({ path: XES_FILE, logId: 'rx-by-path', jobId: 'access-table-import' }),
    anonymous: 'deny',
    viewer: 'deny',
    admin: 'allow',
  },
  'ingest.odoo': { call: (c) => c.ingest.odoo({ connection: 'postgresql://odoo:secret@127.0.0.1:1/none' }), anonymous: 'deny', viewer: 'deny', admin: 'reach' },
  'ingest.progress': { call: (c) => c.ingest.progress({ jobId: 'access-table-import' }), anonymous: 'deny', viewer: 'deny', admin: 'allow' },
  'runs.list': { call: (c) => c.runs.list({ logId: 'o2c' }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'runs.freshness': { call: (c) => c.runs.freshness(), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'runs.rejects': { call: async (c) => c.runs.rejects({ runId: (await c.runs.list()).runs[0].runId }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'notebooks.list': { call: (c) => c.notebooks.list(), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'notebooks.get': { call: async (c) => c.notebooks.get({ id: await someNotebook() }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'notebooks.create': { call: (c) => c.notebooks.create({ title: 'Access table' }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'notebooks.save': {
    call: async (c) => {
      const nb = await c.notebooks.get({ id: await someNotebook() });
      return c.notebooks.save({ id: nb.id, version: nb.version, title: nb.title, cells: nb.cells });
    },
    anonymous: 'allow', viewer: 'allow', admin: 'allow',
  },
  'notebooks.rename': { call: async (c) => c.notebooks.rename({ id: await someNotebook(), title: 'Renamed' }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'notebooks.duplicate': { call: async (c) => c.notebooks.duplicate({ id: await someNotebook() }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'notebooks.remove': { call: async (c) => c.notebooks.remove({ id: (await callerFor(store, LOCAL_ADMIN).notebooks.create({})).id }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'notebooks.importDoc': {
    call: (c) => c.notebooks.importDoc({ doc: { format: 'throughline-notebook', version: 1, title: 'Imported', cells: [{ id: 'a', kind: 'sql', sql: 'SELECT 1' }] } }),
    anonymous: 'allow', viewer: 'allow', admin: 'allow',
  },
  'notebooks.exportDoc': { call: async (c) => c.notebooks.exportDoc({ id: await someNotebook() }), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'notebooks.starters': { call: (c) => c.notebooks.starters(), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'notebooks.schema': { call: (c) => c.notebooks.schema(), anonymous: 'allow', viewer: 'allow', admin: 'allow' },
  'notebooks.run': {
    call: (c) => c.notebooks.run({ cells: [{ id: 'a', sql: "SELECT count(*) AS n FROM cases WHERE log_id = 'o2c'" }], cellId: 'a' }),
    anonymous: 'allow', viewer: 'allow', admin: 'allow',
  },
  'notebooks.exportResult': {
    call: async (c) => {
      const nb = await callerFor(store, LOCAL_ADMIN).notebooks.create({ cells: [{ id: 'a', kind: 'sql', sql: 'SELECT 42 AS answer' }] });
      const out = await c.notebooks.exportResult({ notebook: nb.id, cell: 'a', format: 'csv' });
      let bytes = 0;
      for await (const chunk of out.chunks) bytes += chunk.length;
      return bytes;
    },
    anonymous: 'allow', viewer: 'allow', admin: 'allow',
  },
  'imports.upload': { call: (c) => uploadOf(c), anonymous: 'deny', viewer: 'deny', admin: 'allow' },
  'imports.preview': { call: (c) => c.imports.preview({ uploadId: previewUpload, mapping: {} }), anonymous: 'deny', viewer: 'deny', admin: 'allow' },
  'imports.run': {
    call: (c) => c.imports.run({ uploadId: runUpload, mapping: RX_MAPPING, logId: 'running-example' }),
    anonymous: 'deny',
    viewer: 'deny',
    admin: 'allow',
  },
};

/** A notebook the access table's calls read and edit (made once, by the admin). */
let notebookId: Promise<string> | null = null;
const someNotebook = () => (notebookId ??= callerFor(store, LOCAL_ADMIN).notebooks.create({ title: 'Access table' }).then((n) => n.id));

async function runCount(): Promise<number> {
  const rows = await store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ingest_runs');
  return rows[0].n;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-server-'));
  simDir = join(dir, 'sim');
  await simulate({ orders: 40, seed: 7, outDir: simDir });
  store = await Store.open(join(dir, 'store.duckdb'));
  await ingestDirectory(store, simDir);
  await refreshCaseViews(store, 'o2c');
  process.env.THROUGHLINE_UPLOAD_DIR = join(dir, 'uploads');
  previewUpload = (await uploadOf(callerFor(store, LOCAL_ADMIN))).uploadId;
  runUpload = (await uploadOf(callerFor(store, LOCAL_ADMIN))).uploadId;
});

afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the access table', () => {
  it('lists every procedure of the router, and nothing else', () => {
    expect(Object.keys(ACCESS).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  for (const [path, rule] of Object.entries(ACCESS)) {
    for (const who of ['anonymous', 'viewer', 'admin'] as const) {
      const name = who === 'admin' ? 'the admin' : `a ${who} caller`;
      it(rule[who] === 'deny' ? `refuses ${name} ${path}` : `lets ${name} call ${path}`, async () => {
        const before = await runCount();
        const result = rule.call(callerFor(store, USERS[who]));
        if (rule[who] === 'allow') {
          await expect(result).resolves.toBeDefined();
        } else if (rule[who] === 'reach') {
          const err = await result.then(() => null, (e: unknown) => e);
          if (err instanceof TRPCError) expect(['UNAUTHORIZED', 'FORBIDDEN']).not.toContain(err.code);
        } else {
          const err = await result.then(
            () => null,
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(TRPCError);
          expect((err as TRPCError).code).toBe(who === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
          expect(await runCount()).toBe(before); // refused before anything ran
        }
      });
    }
  }
});

describe('the procedures', () => {
  const anonymous = () => callerFor(store, null);

  it('answers the overview with the five headline KPIs for the period asked', async () => {
    const o = await anonymous().kpi.overview({ logId: 'o2c', period });
    expect(o.period).toEqual(period);
    expect(o.kpis.map((k) => k.id)).toEqual(expect.arrayContaining(['orders', 'medianOrderToShipHours', 'medianInvoiceLatencyHours', 'dsoSimple', 'openSlaBreaches']));
  });

  it('applies the same filters to the map and the views, and refuses bad filters and perspectives as bad requests', async () => {
    const filters = [{ kind: 'attribute' as const, attribute: 'segment', values: ['SM'] }];
    const map = await anonymous().map.process({ logId: 'o2c', filters });
    const v = await anonymous().views.variants({ logId: 'o2c', filters });
    const d = await anonymous().views.durations({ logId: 'o2c', filters });
    const [db] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND segment = 'SM'`);
    expect(db.n).toBeGreaterThan(0);
    expect(map.totalCases).toBe(db.n);
    expect(v.totalCases).toBe(db.n);
    expect(d.cases).toBe(db.n);
    expect(await anonymous().logs.perspectives({ logId: 'o2c' })).toEqual(['order', 'order_line', 'delivery', 'invoice']);
    const delivery = await anonymous().map.process({ logId: 'o2c', perspective: 'delivery' });
    expect(delivery.perspective).toBe('delivery');
    await expect(anonymous().map.process({ logId: 'o2c', perspective: 'customer' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      anonymous().views.durations({ logId: 'o2c', filters: [{ kind: 'duration', minSeconds: 10, maxSeconds: 5 }, { kind: 'timeframe', from: '2025-13-45', to: '2025-01-01', mode: 'started' }] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // The stage filter (the cases behind a DSO-impact cause) selects orders: elsewhere it says so.
    const stage = [{ kind: 'stage' as const, stage: 'creditHold' as const, from: period.from, to: period.to }];
    expect((await anonymous().views.durations({ logId: 'o2c', filters: stage })).cases).toBeGreaterThanOrEqual(0);
    await expect(anonymous().map.process({ logId: 'o2c', perspective: 'delivery', filters: stage })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/needs the order perspective.*delivery cases/),
    });
  });

  it('answers SLA, conformance, KPI, DSO-impact and root-cause questions over the same filters', async () => {
    const filters = [{ kind: 'attribute' as const, attribute: 'segment', values: ['SM', 'MM'] }];
    const [db] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND segment IN ('SM', 'MM')`);
    const conf = await anonymous().process.conformance({ logId: 'o2c', filters });
    expect(conf).toMatchObject({ cases: db.n });
    const sla = await anonymous().process.slaSummary({ logId: 'o2c', filters });
    expect(sla.length).toBe((await anonymous().process.slaDefinitions()).rules.length);
    const k = await anonymous().finance.kpis({ logId: 'o2c', filters, periods: [period], kpis: ['orders'] });
    expect(k.kpis[0].id).toBe('orders');
    await expect(anonymous().finance.rootCause({ logId: 'o2c', filters, outcome: 'no-such-outcome' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(anonymous().process.caseConformance({ logId: 'o2c', caseId: 'sales_order:none' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists cases over the filters, refuses unknown sort columns and answers an unknown case as not found', async () => {
    const filters = [{ kind: 'attribute' as const, attribute: 'segment', values: ['SM'] }];
    const page = await anonymous().cases.list({ logId: 'o2c', filters, sort: { column: 'created_ts', dir: 'asc' }, limit: 3 });
    const [db] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND segment = 'SM'`);
    expect(page.total).toBe(db.n);
    expect(page.rows.length).toBe(Math.min(3, db.n));
    await expect(anonymous().cases.list({ logId: 'o2c', filters, sort: { column: 'variant', dir: 'asc' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(anonymous().cases.detail({ logId: 'o2c', caseId: 'sales_order:none' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('sales_order:none') });
  });

  it('gives the months the data covers and a complete month to open with', async () => {
    const r = await anonymous().logs.dataRange({ logId: 'o2c' });
    expect(r.months.length).toBeGreaterThan(0);
    const open = r.months.find((m) => m.id === r.defaultMonth);
    expect(open?.partial).toBe(false);
  });

  it('lists the ingest runs with their counts and pages through a run\'s rejects', async () => {
    const { runs, total } = await anonymous().runs.list({ logId: 'o2c' });
    const [db] = await store.sql<{ n: number; rejected: number }>(`SELECT count(*)::INTEGER AS n, sum(rows_rejected)::INTEGER AS rejected FROM ingest_runs WHERE log_id = 'o2c'`);
    expect(total).toBe(db.n);
    expect(runs.reduce((n, r) => n + r.rowsRejected, 0)).toBe(db.rejected);
    for (const r of runs) expect(r.durationMs).toBeGreaterThanOrEqual(0);
    const [most] = await store.sql<{ run_id: string; n: number }>(`SELECT run_id, count(*)::INTEGER AS n FROM rejects GROUP BY run_id ORDER BY n DESC LIMIT 1`);
    expect(most.n).toBeGreaterThan(0); // the simulator plants bad records
    const first = await anonymous().runs.rejects({ runId: most.run_id, limit: 1 });
    expect(first.total).toBe(most.n);
    expect(first.rejects).toHaveLength(1);
    expect(first.rejects[0]).toMatchObject({ file: expect.any(String), reason: expect.any(String) });
    const past = await anonymous().runs.rejects({ runId: most.run_id, limit: 1, offset: most.n });
    expect(past.rejects).toHaveLength(0);
    const all = await anonymous().runs.rejects({ runId: most.run_id, limit: 500 });
    expect(all.rejects).toHaveLength(most.n);
    await expect(anonymous().runs.rejects({ runId: 'no-such-run' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('imports a file by its server path and reports the job\'s progress while and after it runs', async () => {
    const admin = callerFor(store, LOCAL_ADMIN);
    const result = await admin.ingest.importFile({ path: XES_FILE, logId: 'rx-progress', jobId: 'progress-test-1' });
    expect(result).toMatchObject({ status: 'succeeded', eventsAdded: 42 });
    const p = await admin.ingest.progress({ jobId: 'progress-test-1' });
    expect(p).toMatchObject({ phase: 'done', rows: result.rowsRead });
    expect(await admin.ingest.progress({ jobId: 'never-started' })).toBeNull();
    await expect(admin.ingest.importFile({ path: 'relative.xes', logId: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('gives one freshness card per source with its newest event', async () => {
    const f = await anonymous().runs.freshness();
    expect(f.sources.map((s) => s.source).slice(0, 6)).toEqual(['sap', 'wms-legacy', 'wms-events', 'billing', 'odoo', 'imports']);
    const [sap] = await store.sql<{ ts: string }>(`SELECT strftime(max(ts), '%Y-%m-%dT%H:%M:%SZ') AS ts FROM events WHERE source_system = 'sap'`);
    expect(f.sources[0]).toMatchObject({ newestEvent: sap.ts, state: 'ok' });
    // The access table's admin call tried an Odoo database that is not there: one failed run, no events.
    expect(f.sources.find((s) => s.source === 'odoo')).toMatchObject({ newestEvent: null, state: 'failed', runs: 1 });
    const { runs } = await anonymous().runs.list();
    const odoo = runs.find((r) => r.sourceKind === 'odoo');
    expect(odoo?.status).toBe('failed');
    expect(JSON.stringify(odoo)).not.toContain('secret'); // the connection's password never reaches a run record
  });

  it('returns the ingest results and refreshes the case views after an admin ingest', async () => {
    const results = await callerFor(store, LOCAL_ADMIN).ingest.run({ kind: 'all', path: simDir, logId: 'o2c' });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.status).toBe('succeeded');
  });
});

describe('table import', () => {
  const admin = () => callerFor(store, LOCAL_ADMIN);

  it('previews an upload and imports it into a case log with the published counts', async () => {
    const up = await uploadOf(admin());
    const p = await admin().imports.preview({ uploadId: up.uploadId });
    expect(p).toMatchObject({ file: 'running-example.csv', delimiter: ',', timestampFormat: 'iso', totalRows: 42, rejectedRows: 0 });
    const r = await admin().imports.run({ uploadId: up.uploadId, mapping: RX_MAPPING, logId: 'rx-server' });
    expect(r).toMatchObject({ status: 'succeeded', eventsAdded: 42, objectsAdded: 6 });
    const [c] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'rx-server'`);
    expect(c.n).toBe(6);
    // The upload is gone after the import.
    await expect(admin().imports.preview({ uploadId: up.uploadId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an upload over the size cap, and a file that is not a table', async () => {
    process.env.THROUGHLINE_UPLOAD_MAX_BYTES = '100';
    try {
      await expect(uploadOf(admin())).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    } finally {
      delete process.env.THROUGHLINE_UPLOAD_MAX_BYTES;
    }
    await expect(admin().imports.upload({ fileName: 'x.exe', contentBase64: 'AAAA' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('errors', () => {
  const anonymous = () => callerFor(store, null);
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof TRPCError ? e.code : 'not a TRPCError'),
    );

  it('says NOT_FOUND for a log that does not exist', async () => {
    expect(await code(anonymous().logs.dataRange({ logId: 'nope' }))).toBe('NOT_FOUND');
  });

  it('says BAD_REQUEST for a period that ends before it starts', async () => {
    expect(await code(anonymous().kpi.overview({ logId: 'o2c', period: { from: '2025-05-01', to: '2025-04-01' } }))).toBe('BAD_REQUEST');
  });

  it('says BAD_REQUEST for a relative ingest path, even for the admin', async () => {
    expect(await code(callerFor(store, LOCAL_ADMIN).ingest.run({ kind: 'sap', path: 'data/sim/sap' }))).toBe('BAD_REQUEST');
  });

  it('checks the caller before the input (an anonymous caller learns nothing about the input rules)', async () => {
    expect(await code(callerFor(store, null).ingest.run({ kind: 'sap', path: 'relative/path' }))).toBe('UNAUTHORIZED');
  });
});

describe('the admin token', () => {
  it('compares in constant time and accepts only the exact token', () => {
    expect(isAdminToken('s3cret', 's3cret')).toBe(true);
    expect(isAdminToken('s3cre', 's3cret')).toBe(false);
    expect(isAdminToken('s3cret-and-more', 's3cret')).toBe(false);
    expect(isAdminToken('', 's3cret')).toBe(false);
    expect(isAdminToken('anything', undefined)).toBe(false);
    expect(isAdminToken('anything', '')).toBe(false);
  });

  it('makes a request with the bearer token the local admin, and one without it anonymous', () => {
    const saved = process.env.THROUGHLINE_ADMIN_TOKEN;
    process.env.THROUGHLINE_ADMIN_TOKEN = 'tok-123';
    try {
      expect(userFromRequest(new Headers({ authorization: 'Bearer tok-123' }))).toEqual(LOCAL_ADMIN);
      expect(userFromRequest(new Headers({ authorization: 'Bearer tok-124' }))).toBeNull();
      expect(userFromRequest(new Headers())).toBeNull();
    } finally {
      if (saved === undefined) delete process.env.THROUGHLINE_ADMIN_TOKEN;
      else process.env.THROUGHLINE_ADMIN_TOKEN = saved;
    }
  });
});
