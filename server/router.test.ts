// The procedures' answers on a real temporary DuckDB store, called as a signed-in analyst and the
// admin. Who may call what is server/role-matrix.test.ts (every procedure × every role).
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

type Caller = ReturnType<typeof callerFor>;
const ANALYST: User = { id: 'ana', roles: ['analyst'] };

let dir: string;
let store: Store;
let simDir: string;
const RUNNING_CSV = join(process.cwd(), '..', 'shared', 'datasets', 'running-example.csv');
const XES_FILE = join(process.cwd(), 'fixtures', 'datasets', 'running-example.xes');
const RX_MAPPING = { case: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp', resource: 'org:resource' };
const uploadOf = (c: Caller) => c.imports.upload({ fileName: 'running-example.csv', contentBase64: readFileSync(RUNNING_CSV).toString('base64') });

const period = { from: '2025-03-01', to: '2025-04-01' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-server-'));
  simDir = join(dir, 'sim');
  await simulate({ orders: 40, seed: 7, outDir: simDir });
  store = await Store.open(join(dir, 'store.duckdb'));
  await ingestDirectory(store, simDir);
  await refreshCaseViews(store, 'o2c');
  process.env.THROUGHLINE_UPLOAD_DIR = join(dir, 'uploads');
});

afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the procedures', () => {
  const analyst = () => callerFor(store, ANALYST);

  it('answers the overview with the five headline KPIs for the period asked', async () => {
    const o = await analyst().kpi.overview({ logId: 'o2c', period });
    expect(o.period).toEqual(period);
    expect(o.kpis.map((k) => k.id)).toEqual(expect.arrayContaining(['orders', 'medianOrderToShipHours', 'medianInvoiceLatencyHours', 'dsoSimple', 'openSlaBreaches']));
  });

  it('applies the same filters to the map and the views, and refuses bad filters and perspectives as bad requests', async () => {
    const filters = [{ kind: 'attribute' as const, attribute: 'segment', values: ['SM'] }];
    const map = await analyst().map.process({ logId: 'o2c', filters });
    const v = await analyst().views.variants({ logId: 'o2c', filters });
    const d = await analyst().views.durations({ logId: 'o2c', filters });
    const [db] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND segment = 'SM'`);
    expect(db.n).toBeGreaterThan(0);
    expect(map.totalCases).toBe(db.n);
    expect(v.totalCases).toBe(db.n);
    expect(d.cases).toBe(db.n);
    expect(await analyst().logs.perspectives({ logId: 'o2c' })).toEqual(['order', 'order_line', 'delivery', 'invoice']);
    const delivery = await analyst().map.process({ logId: 'o2c', perspective: 'delivery' });
    expect(delivery.perspective).toBe('delivery');
    await expect(analyst().map.process({ logId: 'o2c', perspective: 'customer' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      analyst().views.durations({ logId: 'o2c', filters: [{ kind: 'duration', minSeconds: 10, maxSeconds: 5 }, { kind: 'timeframe', from: '2025-13-45', to: '2025-01-01', mode: 'started' }] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // The stage filter (the cases behind a DSO-impact cause) selects orders: elsewhere it says so.
    const stage = [{ kind: 'stage' as const, stage: 'creditHold' as const, from: period.from, to: period.to }];
    expect((await analyst().views.durations({ logId: 'o2c', filters: stage })).cases).toBeGreaterThanOrEqual(0);
    await expect(analyst().map.process({ logId: 'o2c', perspective: 'delivery', filters: stage })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/needs the order perspective.*delivery cases/),
    });
  });

  it('answers SLA, conformance, KPI, DSO-impact and root-cause questions over the same filters', async () => {
    const filters = [{ kind: 'attribute' as const, attribute: 'segment', values: ['SM', 'MM'] }];
    const [db] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND segment IN ('SM', 'MM')`);
    const conf = await analyst().process.conformance({ logId: 'o2c', filters });
    expect(conf).toMatchObject({ cases: db.n });
    const sla = await analyst().process.slaSummary({ logId: 'o2c', filters });
    expect(sla.length).toBe((await analyst().process.slaDefinitions()).rules.length);
    const k = await analyst().finance.kpis({ logId: 'o2c', filters, periods: [period], kpis: ['orders'] });
    expect(k.kpis[0].id).toBe('orders');
    await expect(analyst().finance.rootCause({ logId: 'o2c', filters, outcome: 'no-such-outcome' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(analyst().process.caseConformance({ logId: 'o2c', caseId: 'sales_order:none' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists cases over the filters, refuses unknown sort columns and answers an unknown case as not found', async () => {
    const filters = [{ kind: 'attribute' as const, attribute: 'segment', values: ['SM'] }];
    const page = await analyst().cases.list({ logId: 'o2c', filters, sort: { column: 'created_ts', dir: 'asc' }, limit: 3 });
    const [db] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND segment = 'SM'`);
    expect(page.total).toBe(db.n);
    expect(page.rows.length).toBe(Math.min(3, db.n));
    await expect(analyst().cases.list({ logId: 'o2c', filters, sort: { column: 'variant', dir: 'asc' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(analyst().cases.detail({ logId: 'o2c', caseId: 'sales_order:none' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('sales_order:none') });
  });

  it('gives the months the data covers and a complete month to open with', async () => {
    const r = await analyst().logs.dataRange({ logId: 'o2c' });
    expect(r.months.length).toBeGreaterThan(0);
    const open = r.months.find((m) => m.id === r.defaultMonth);
    expect(open?.partial).toBe(false);
  });

  it('lists the ingest runs with their counts and pages through a run\'s rejects', async () => {
    const { runs, total } = await analyst().runs.list({ logId: 'o2c' });
    const [db] = await store.sql<{ n: number; rejected: number }>(`SELECT count(*)::INTEGER AS n, sum(rows_rejected)::INTEGER AS rejected FROM ingest_runs WHERE log_id = 'o2c'`);
    expect(total).toBe(db.n);
    expect(runs.reduce((n, r) => n + r.rowsRejected, 0)).toBe(db.rejected);
    for (const r of runs) expect(r.durationMs).toBeGreaterThanOrEqual(0);
    const [most] = await store.sql<{ run_id: string; n: number }>(`SELECT run_id, count(*)::INTEGER AS n FROM rejects GROUP BY run_id ORDER BY n DESC LIMIT 1`);
    expect(most.n).toBeGreaterThan(0); // the simulator plants bad records
    const first = await analyst().runs.rejects({ runId: most.run_id, limit: 1 });
    expect(first.total).toBe(most.n);
    expect(first.rejects).toHaveLength(1);
    expect(first.rejects[0]).toMatchObject({ file: expect.any(String), reason: expect.any(String) });
    const past = await analyst().runs.rejects({ runId: most.run_id, limit: 1, offset: most.n });
    expect(past.rejects).toHaveLength(0);
    const all = await analyst().runs.rejects({ runId: most.run_id, limit: 500 });
    expect(all.rejects).toHaveLength(most.n);
    await expect(analyst().runs.rejects({ runId: 'no-such-run' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
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
    // An Odoo database that is not there: one failed run, no events.
    await callerFor(store, LOCAL_ADMIN).ingest.odoo({ connection: 'postgresql://odoo:secret@127.0.0.1:1/none' }).catch(() => undefined);
    const f = await analyst().runs.freshness();
    expect(f.sources.map((s) => s.source).slice(0, 6)).toEqual(['sap', 'wms-legacy', 'wms-events', 'billing', 'odoo', 'imports']);
    const [sap] = await store.sql<{ ts: string }>(`SELECT strftime(max(ts), '%Y-%m-%dT%H:%M:%SZ') AS ts FROM events WHERE source_system = 'sap'`);
    expect(f.sources[0]).toMatchObject({ newestEvent: sap.ts, state: 'ok' });
    expect(f.sources.find((s) => s.source === 'odoo')).toMatchObject({ newestEvent: null, state: 'failed', runs: 1 });
    const { runs } = await analyst().runs.list();
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
  const analyst = () => callerFor(store, ANALYST);
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof TRPCError ? e.code : 'not a TRPCError'),
    );

  it('says NOT_FOUND for a log that does not exist', async () => {
    expect(await code(analyst().logs.dataRange({ logId: 'nope' }))).toBe('NOT_FOUND');
  });

  it('says BAD_REQUEST for a period that ends before it starts', async () => {
    expect(await code(analyst().kpi.overview({ logId: 'o2c', period: { from: '2025-05-01', to: '2025-04-01' } }))).toBe('BAD_REQUEST');
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
