// Every procedure, called as an anonymous visitor, a signed-in viewer and the admin, against a
// real temporary DuckDB store: allowed calls succeed, denied calls are refused before they run.
import { mkdtempSync, rmSync } from 'node:fs';
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
type Outcome = 'allow' | 'deny';

const USERS: Record<Who, User | null> = {
  anonymous: null,
  viewer: { id: 'vera', roles: ['viewer'] },
  admin: LOCAL_ADMIN,
};

let dir: string;
let store: Store;
let simDir: string;

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
  'ingest.run': { call: (c) => c.ingest.run({ kind: 'all', path: simDir, logId: 'o2c' }), anonymous: 'deny', viewer: 'deny', admin: 'allow' },
};

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
      it(rule[who] === 'allow' ? `lets ${name} call ${path}` : `refuses ${name} ${path}`, async () => {
        const before = await runCount();
        const result = rule.call(callerFor(store, USERS[who]));
        if (rule[who] === 'allow') {
          await expect(result).resolves.toBeDefined();
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

  it('gives the months the data covers and a complete month to open with', async () => {
    const r = await anonymous().logs.dataRange({ logId: 'o2c' });
    expect(r.months.length).toBeGreaterThan(0);
    const open = r.months.find((m) => m.id === r.defaultMonth);
    expect(open?.partial).toBe(false);
  });

  it('returns the ingest results and refreshes the case views after an admin ingest', async () => {
    const results = await callerFor(store, LOCAL_ADMIN).ingest.run({ kind: 'all', path: simDir, logId: 'o2c' });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.status).toBe('succeeded');
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
