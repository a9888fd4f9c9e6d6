// The role matrix: EVERY procedure of appRouter called by EVERY role and by an anonymous caller,
// against a real temporary DuckDB store loaded from the simulator. The table below says who may
// call what; it is kept here, not derived from server/auth.ts GRANTS, so a change of the grants
// shows up as a failing row. A procedure missing from the table fails the first test.
// Denied = refused by `authorize` (UNAUTHORIZED for anonymous, FORBIDDEN for a signed-in role,
// with authorize's message) before anything ran; allowed = anything else (an input or not-found
// error of the body is fine: the caller got past authorize).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../fixtures/sim/simulate';
import { refreshCaseViews } from '../mining';
import { ingestDirectory } from '../ingest';
import { Store } from '../sql';
import { createUser } from './accounts';
import type { User } from './auth';
import { callerFor } from './caller';
import { appRouter } from './router';

type Caller = ReturnType<typeof callerFor>;
type Who = 'anonymous' | 'admin' | 'finance_leader' | 'process_owner' | 'analyst';
const WHO: readonly Who[] = ['anonymous', 'admin', 'finance_leader', 'process_owner', 'analyst'];

const USERS: Record<Who, User | null> = {
  anonymous: null,
  admin: { id: 'm-admin', roles: ['admin'] },
  finance_leader: { id: 'm-finance', roles: ['finance_leader'] },
  process_owner: { id: 'm-owner', roles: ['process_owner'], scope: { warehouses: ['DC-EAST'] } },
  analyst: { id: 'm-analyst', roles: ['analyst'] },
};

// Who may, by kind of procedure (each row below names one of these).
const EVERYONE: readonly Who[] = WHO;
const SIGNED_IN: readonly Who[] = ['admin', 'finance_leader', 'process_owner', 'analyst'];
const READERS = SIGNED_IN;
const FINANCE: readonly Who[] = ['admin', 'finance_leader', 'analyst'];
const ANALYSTS: readonly Who[] = ['admin', 'analyst'];
const ADMIN: readonly Who[] = ['admin'];
/** workflow:request and workflow:approve (the engine then checks each playbook's approver roles). */
const REMEDIATORS: readonly Who[] = ['admin', 'finance_leader', 'process_owner'];
const NO_RUN = '00000000-0000-0000-0000-000000000000';

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
const MATRIX_PASSWORD = 'matrix-password-1';
let userSeq = 0;

/**
 * The access table: every procedure, how to call it, and who may. Kept here, not derived.
 * `scopedOwner: 'refused'`: allowed to the role, but refused to the matrix's process owner (who is
 * scoped) because the answer cannot be narrowed to a scope (server/owner-scope.ts).
 */
const ACCESS: Record<string, { call: (c: Caller) => Promise<unknown>; allow: readonly Who[]; scopedOwner?: 'refused' }> = {
  'logs.list': { call: (c) => c.logs.list(), allow: READERS },
  'logs.dataRange': { call: (c) => c.logs.dataRange({ logId: 'o2c' }), allow: READERS },
  'kpi.overview': { call: (c) => c.kpi.overview({ logId: 'o2c', period }), allow: READERS },
  'kpi.trend': { call: (c) => c.kpi.trend({ logId: 'o2c', from: '2025-01-01', to: '2025-06-01', grain: 'week' }), allow: READERS },
  'map.process': {
    call: (c) => c.map.process({ logId: 'o2c', perspective: 'order', period, activityPct: 80, pathPct: 50 }),
    allow: READERS,
  },
  'logs.perspectives': { call: (c) => c.logs.perspectives({ logId: 'o2c' }), allow: READERS },
  'logs.filterOptions': { call: (c) => c.logs.filterOptions({ logId: 'o2c' }), allow: READERS },
  'views.variants': { call: (c) => c.views.variants({ logId: 'o2c', filters: [] }), allow: READERS },
  'views.durations': { call: (c) => c.views.durations({ logId: 'o2c', filters: [] }), allow: READERS },
  'views.throughput': {
    call: (c) => c.views.throughput({ logId: 'o2c', filters: [], from: 'Create Sales Order', to: 'Post Goods Issue' }),
    allow: READERS,
  },
  'views.rework': { call: (c) => c.views.rework({ logId: 'o2c', filters: [] }), allow: READERS },
  'views.transitions': { call: (c) => c.views.transitions({ logId: 'o2c', filters: [], dimension: 'warehouse' }), allow: READERS },
  'views.wip': { call: (c) => c.views.wip({ logId: 'o2c', filters: [], from: '2025-01-01', to: '2025-02-01' }), allow: READERS },
  'views.waitingProcessing': { call: (c) => c.views.waitingProcessing({ logId: 'o2c', filters: [] }), allow: READERS },
  'process.slaDefinitions': { call: (c) => c.process.slaDefinitions(), allow: READERS },
  'process.slaSummary': { call: (c) => c.process.slaSummary({ logId: 'o2c', filters: [] }), allow: READERS },
  'process.slaBreaches': { call: (c) => c.process.slaBreaches({ logId: 'o2c', filters: [] }), allow: READERS },
  'process.conformance': { call: (c) => c.process.conformance({ logId: 'o2c', filters: [] }), allow: READERS },
  'process.caseConformance': {
    call: async (c) => c.process.caseConformance({ logId: 'o2c', caseId: (await store.sql<{ id: string }>("SELECT min(case_id) AS id FROM cases WHERE log_id = 'o2c'"))[0].id }),
    allow: READERS,
  },
  'finance.kpiDefinitions': { call: (c) => c.finance.kpiDefinitions(), allow: FINANCE },
  'finance.kpis': { call: (c) => c.finance.kpis({ logId: 'o2c', filters: [], periods: [period], groupBy: 'segment' }), allow: FINANCE },
  'finance.dsoImpact': { call: (c) => c.finance.dsoImpact({ logId: 'o2c', filters: [], period }), allow: FINANCE },
  'finance.arAging': { call: (c) => c.finance.arAging({ logId: 'o2c', filters: [], periods: [period] }), allow: FINANCE },
  'finance.openDisputes': { call: (c) => c.finance.openDisputes({ logId: 'o2c', filters: [], periods: [period] }), allow: FINANCE },
  'finance.outcomes': { call: (c) => c.finance.outcomes(), allow: FINANCE },
  'finance.rootCause': { call: (c) => c.finance.rootCause({ logId: 'o2c', filters: [], outcome: 'latePayment', minCases: 1 }), allow: FINANCE },
  'cases.columns': { call: (c) => c.cases.columns({ logId: 'o2c' }), allow: READERS },
  'cases.list': { call: (c) => c.cases.list({ logId: 'o2c', filters: [], sort: { column: 'net_value', dir: 'desc' }, limit: 5 }), allow: READERS },
  'cases.detail': {
    call: async (c) => c.cases.detail({ logId: 'o2c', caseId: (await store.sql<{ id: string }>("SELECT min(case_id) AS id FROM cases WHERE log_id = 'o2c'"))[0].id }),
    allow: READERS,
  },
  'cases.exportCsv': {
    call: async (c) => {
      const out = await c.cases.exportCsv({ logId: 'o2c', filters: [] });
      let text = '';
      for await (const chunk of out.chunks) text += chunk;
      return text;
    },
    allow: READERS,
  },
  'exceptions.summary': { call: (c) => c.exceptions.summary({ logId: 'o2c', filters: [] }), allow: READERS },
  'exceptions.queue': {
    call: (c) => c.exceptions.queue({ logId: 'o2c', filters: [], queue: 'creditHolds', groups: { segment: 'SM' } }),
    allow: READERS,
  },
  'ingest.run': { call: (c) => c.ingest.run({ kind: 'all', path: simDir, logId: 'o2c' }), allow: ADMIN },
  'ingest.importFile': {
    call: (c) => c.ingest.importFile({ path: XES_FILE, logId: 'rx-by-path', jobId: 'access-table-import' }),
    allow: ADMIN,
  },
  'ingest.odoo': { call: (c) => c.ingest.odoo({ connection: 'postgresql://odoo:secret@127.0.0.1:1/none' }), allow: ADMIN },
  'ingest.progress': { call: (c) => c.ingest.progress({ jobId: 'access-table-import' }), allow: ADMIN },
  'runs.list': { call: (c) => c.runs.list({ logId: 'o2c' }), allow: READERS },
  'runs.freshness': { call: (c) => c.runs.freshness(), allow: READERS },
  'runs.rejects': { call: async (c) => c.runs.rejects({ runId: (await c.runs.list()).runs[0].runId }), allow: READERS, scopedOwner: 'refused' },
  'notebooks.list': { call: (c) => c.notebooks.list(), allow: ANALYSTS },
  'notebooks.get': { call: async (c) => c.notebooks.get({ id: await someNotebook() }), allow: ANALYSTS },
  'notebooks.create': { call: (c) => c.notebooks.create({ title: 'Access table' }), allow: ANALYSTS },
  'notebooks.save': {
    call: async (c) => {
      const nb = await c.notebooks.get({ id: await someNotebook() });
      return c.notebooks.save({ id: nb.id, version: nb.version, title: nb.title, cells: nb.cells });
    },
    allow: ANALYSTS,
  },
  'notebooks.rename': { call: async (c) => c.notebooks.rename({ id: await someNotebook(), title: 'Renamed' }), allow: ANALYSTS },
  'notebooks.duplicate': { call: async (c) => c.notebooks.duplicate({ id: await someNotebook() }), allow: ANALYSTS },
  'notebooks.remove': { call: async (c) => c.notebooks.remove({ id: (await callerFor(store, USERS.admin).notebooks.create({})).id }), allow: ANALYSTS },
  'notebooks.importDoc': {
    call: (c) => c.notebooks.importDoc({ doc: { format: 'throughline-notebook', version: 1, title: 'Imported', cells: [{ id: 'a', kind: 'sql', sql: 'SELECT 1' }] } }),
    allow: ANALYSTS,
  },
  'notebooks.exportDoc': { call: async (c) => c.notebooks.exportDoc({ id: await someNotebook() }), allow: ANALYSTS },
  'notebooks.starters': { call: (c) => c.notebooks.starters(), allow: ANALYSTS },
  'notebooks.schema': { call: (c) => c.notebooks.schema(), allow: ANALYSTS },
  'notebooks.run': {
    call: (c) => c.notebooks.run({ cells: [{ id: 'a', sql: "SELECT count(*) AS n FROM cases WHERE log_id = 'o2c'" }], cellId: 'a' }),
    allow: ANALYSTS,
  },
  'notebooks.exportResult': {
    call: async (c) => {
      const nb = await callerFor(store, USERS.admin).notebooks.create({ cells: [{ id: 'a', kind: 'sql', sql: 'SELECT 42 AS answer' }] });
      const out = await c.notebooks.exportResult({ notebook: nb.id, cell: 'a', format: 'csv' });
      let bytes = 0;
      for await (const chunk of out.chunks) bytes += chunk.length;
      return bytes;
    },
    allow: ANALYSTS,
  },
  'imports.upload': { call: (c) => uploadOf(c), allow: ADMIN },
  'imports.preview': { call: (c) => c.imports.preview({ uploadId: previewUpload, mapping: {} }), allow: ADMIN },
  'imports.run': {
    call: (c) => c.imports.run({ uploadId: runUpload, mapping: RX_MAPPING, logId: 'running-example' }),
    allow: ADMIN,
  },
  'auth.signIn': { call: (c) => c.auth.signIn({ username: 'matrix-user', password: MATRIX_PASSWORD }), allow: EVERYONE },
  'auth.signOut': { call: (c) => c.auth.signOut(), allow: EVERYONE },
  'auth.me': { call: (c) => c.auth.me(), allow: EVERYONE },
  // A wrong current password: a BAD_REQUEST from the body for the signed-in, UNAUTHORIZED from authorize for anonymous.
  'auth.changePassword': { call: (c) => c.auth.changePassword({ current: 'not-the-password', next: 'whatever-new-password' }), allow: SIGNED_IN },
  'auth.tokens.list': { call: (c) => c.auth.tokens.list(), allow: SIGNED_IN },
  'auth.tokens.create': { call: (c) => c.auth.tokens.create({ name: 'matrix' }), allow: SIGNED_IN },
  'auth.tokens.revoke': { call: async (c) => c.auth.tokens.revoke({ id: (await c.auth.tokens.create({ name: 'to revoke' })).id }), allow: SIGNED_IN },
  'auth.users.list': { call: (c) => c.auth.users.list(), allow: ADMIN },
  'auth.users.scopeOptions': { call: (c) => c.auth.users.scopeOptions(), allow: ADMIN },
  'auth.users.update': { call: (c) => c.auth.users.update({ id: 'matrix-user', roles: ['analyst'] }), allow: ADMIN },
  'auth.users.resetPassword': { call: (c) => c.auth.users.resetPassword({ id: 'matrix-user', password: MATRIX_PASSWORD }), allow: ADMIN },
  'auth.users.create': { call: (c) => c.auth.users.create({ id: `matrix-new-${++userSeq}`, roles: ['analyst'], password: MATRIX_PASSWORD }), allow: ADMIN },
  'audit.list': { call: (c) => c.audit.list({ limit: 5 }), allow: ADMIN },
  'audit.verify': { call: (c) => c.audit.verify(), allow: ADMIN },
  'audit.exportCsv': { call: (c) => c.audit.exportCsv(), allow: ADMIN },
  'workflows.playbooks': { call: (c) => c.workflows.playbooks(), allow: READERS },
  'workflows.runs': { call: (c) => c.workflows.runs({ limit: 5 }), allow: READERS },
  'workflows.run': { call: (c) => c.workflows.run({ runId: NO_RUN }), allow: READERS },
  'workflows.rules': { call: (c) => c.workflows.rules({ logId: 'o2c' }), allow: READERS },
  'workflows.savings': { call: (c) => c.workflows.savings({ logId: 'o2c' }), allow: READERS },
  'workflows.request': {
    call: (c) => c.workflows.request({ logId: 'o2c', queue: 'creditHolds', playbookId: 'release-credit-hold', rows: [{ caseId: 'not-a-held-order' }] }),
    allow: REMEDIATORS,
  },
  'workflows.approve': { call: (c) => c.workflows.approve({ runId: NO_RUN }), allow: REMEDIATORS },
  'workflows.cancel': { call: (c) => c.workflows.cancel({ runId: NO_RUN, reason: 'matrix' }), allow: REMEDIATORS },
  'workflows.retry': { call: (c) => c.workflows.retry({ runId: NO_RUN, reason: 'matrix' }), allow: REMEDIATORS },
  'workflows.override': { call: (c) => c.workflows.override({ runId: NO_RUN, to: 'cancelled', reason: 'matrix' }), allow: REMEDIATORS },
};

/** A notebook the access table's calls read and edit (made once, by the admin). */
let notebookId: Promise<string> | null = null;
const someNotebook = () => (notebookId ??= callerFor(store, USERS.admin).notebooks.create({ title: 'Access table' }).then((n) => n.id));

async function runCount(): Promise<number> {
  const rows = await store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM ingest_runs');
  return rows[0].n;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-matrix-'));
  simDir = join(dir, 'sim');
  await simulate({ orders: 40, seed: 7, outDir: simDir });
  store = await Store.open(join(dir, 'store.duckdb'));
  await ingestDirectory(store, simDir);
  await refreshCaseViews(store, 'o2c');
  await createUser(store, { id: 'matrix-user', roles: ['analyst'], password: MATRIX_PASSWORD });
  process.env.THROUGHLINE_UPLOAD_DIR = join(dir, 'uploads');
  previewUpload = (await uploadOf(callerFor(store, USERS.admin))).uploadId;
  runUpload = (await uploadOf(callerFor(store, USERS.admin))).uploadId;
});

afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the role matrix', () => {
  it('lists every procedure of the router, and nothing else', () => {
    expect(Object.keys(ACCESS).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  it('gives anonymous callers nothing but sign-in, sign-out and "who am I"', () => {
    expect(Object.keys(ACCESS).filter((p) => ACCESS[p].allow.includes('anonymous')).sort()).toEqual(['auth.me', 'auth.signIn', 'auth.signOut']);
  });

  for (const [path, rule] of Object.entries(ACCESS)) {
    for (const who of WHO) {
      const allowed = rule.allow.includes(who);
      it(`${allowed ? 'lets' : 'refuses'} ${who} ${allowed ? 'call ' : ''}${path}`, async () => {
        const before = await runCount();
        const err = await rule.call(callerFor(store, USERS[who])).then(() => null, (e: unknown) => e);
        if (allowed && who === 'process_owner' && rule.scopedOwner === 'refused') {
          expect(err).toBeInstanceOf(TRPCError);
          expect((err as TRPCError).code).toBe('FORBIDDEN');
          expect((err as TRPCError).message).toMatch(/not available within an owner scope/);
        } else if (allowed) {
          if (err instanceof TRPCError) expect(['UNAUTHORIZED', 'FORBIDDEN'], `${path} for ${who}: ${err.message}`).not.toContain(err.code);
        } else {
          expect(err).toBeInstanceOf(TRPCError);
          expect((err as TRPCError).code).toBe(who === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
          expect((err as TRPCError).message).toMatch(/needs (the permission|a signed-in user)/);
          expect(await runCount()).toBe(before); // refused before anything ran
        }
      });
    }
  }
});
