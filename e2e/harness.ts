// Browser-test harness: a temporary store loaded from the simulator through the real ingestors, a
// production build of the app (rebuilt only when sources changed), `next start` on a free local
// port owning that store, and Debian's Chromium driven by playwright-core. `close()` undoes all.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { simulate } from '../fixtures/sim/simulate';
import { ingestDirectory } from '../ingest';
import { importFile } from '../ingest/import-file';
import { refreshCaseViews } from '../mining';
import { Store } from '../sql';
import { buildIfNeeded, nextBin } from '../cli/build';
import { DEMO_USERS, ensureDemoUsers } from '../server/accounts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const NEXT_BIN = nextBin(ROOT);
/** Where browser tests save screenshots; .ci/run keeps it (git ignores it). */
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export interface HarnessOptions {
  /** Simulated orders to load; 0 leaves the store empty (for the empty state). */
  orders?: number;
  seed?: number;
  viewport?: { width: number; height: number };
  /** Event-log files (fixtures/datasets) imported beside the simulated company, as named logs. */
  logs?: { file: string; logId: string; name?: string }[];
  /** Extra environment for the server (e.g. THROUGHLINE_ERP_URL / _SECRET pointing at a test ERP). */
  env?: Record<string, string>;
}

export interface Harness {
  url: string;
  storePath: string;
  /** The simulator output the store was loaded from (null for an empty store). */
  simDir: string | null;
  /** The admin token the server was started with. */
  adminToken: string;
  /** The demo accounts (one per role, server/accounts/bootstrap.ts); the browser starts signed in as `demo-admin`. */
  users: typeof DEMO_USERS;
  /** Signs the browser context in as another demo user (replaces its session cookie). */
  signInAs(userId: string): Promise<void>;
  context: BrowserContext;
  newPage(): Promise<Page>;
  /** fetch() of a path of the server as the browser's signed-in user (its session cookie added). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** GET a tRPC query over HTTP, as the browser does; returns `result.data`. */
  query<T>(path: string, input?: unknown): Promise<T>;
  /** What the server printed so far (for failure messages). */
  serverLog(): string;
  /** Console errors and uncaught page errors of every page opened so far (tests assert it is empty). */
  consoleErrors(): string[];
  /** Saves a screenshot of the page under artifacts/screenshots/<name>.png (CI keeps that folder). */
  shot(page: Page, name: string, opts?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

const log = (s: string) => process.stderr.write(`[e2e] ${s}\n`);

// ---------------------------------------------------------------- (a) the store
export async function makeStore(dir: string, orders: number, seed: number, logs: HarnessOptions['logs'] = []): Promise<string> {
  const storePath = join(dir, 'store.duckdb');
  const store = await Store.open(storePath);
  try {
    await ensureDemoUsers(store); // every page needs a signed-in user
    if (orders > 0) {
      const simDir = join(dir, 'sim');
      await simulate({ orders, seed, outDir: simDir });
      const results = await ingestDirectory(store, simDir);
      const failed = results.filter((r) => r.status !== 'succeeded');
      if (failed.length) throw new Error(`ingest failed: ${failed.map((r) => `${r.sourceKind}: ${r.error ?? 'unknown'}`).join('; ')}`);
      await refreshCaseViews(store, 'o2c');
    }
    for (const l of logs) {
      const r = await importFile(store, join(ROOT, 'fixtures', 'datasets', l.file), { logId: l.logId, name: l.name });
      if (r.status !== 'succeeded') throw new Error(`import of ${l.file} failed: ${r.error ?? 'unknown'}`);
    }
  } finally {
    store.close(); // the server must be the only process holding the file
  }
  return storePath;
}

// ---------------------------------------------------------------- (b) the build
export function buildIfStale(root = ROOT): Promise<void> {
  return buildIfNeeded(root, log);
}

// ---------------------------------------------------------------- (c) the server
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => done(port));
    });
  });
}

interface Server {
  url: string;
  child: ChildProcess;
  output: () => string;
}

async function startServer(storePath: string, adminToken: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: ROOT,
    detached: true, // its own process group, so teardown can stop it and anything it forked
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', THROUGHLINE_STORE: storePath, THROUGHLINE_ADMIN_TOKEN: adminToken, ...extraEnv },
  });
  child.stdout?.on('data', (b: Buffer) => void (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => void (out += b.toString()));
  const server = { url, child, output: () => out };

  const deadline = Date.now() + 60_000;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`next start exited (${child.exitCode ?? child.signalCode}) before answering:\n${out}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.status === 200) return server;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stopServer(server);
  throw new Error(`the server at ${url} did not answer 200 within 60 s (last: ${last}):\n${out}`);
}

function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    try {
      process.kill(-child.pid!, 'SIGTERM'); // the whole process group
    } catch {
      clearTimeout(kill);
      done();
    }
  });
}

/** Signs in through the API, as the sign-in page does; answers the session cookie's value. */
async function signInOverHttp(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const value = /tl_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!res.ok || !value) throw new Error(`sign-in as ${username} failed: HTTP ${res.status} ${await res.text()}`);
  return value;
}

// ---------------------------------------------------------------- (d) the browser, (e) teardown
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'tl-e2e-'));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  };
  try {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (bin/ensure-test-deps.sh)`);
    const [storePath] = await Promise.all([makeStore(dir, opts.orders ?? 500, opts.seed ?? 11, opts.logs), buildIfStale()]);
    const adminToken = randomBytes(16).toString('hex');
    const server = await startServer(storePath, adminToken, opts.env);
    cleanups.push(() => stopServer(server));

    const context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: opts.viewport ?? { width: 1440, height: 900 },
      deviceScaleFactor: 1,
      timezoneId: 'America/Chicago', // the page must still show UTC
    });
    cleanups.push(() => context.close());
    const signInAs = async (userId: string) => {
      const user = DEMO_USERS.find((u) => u.id === userId);
      if (!user) throw new Error(`no demo user ${userId}`);
      session = await signInOverHttp(server.url, user.id, user.password);
      await context.clearCookies();
      await context.addCookies([{ name: 'tl_session', value: session, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
    };
    let session = '';
    await signInAs('demo-admin');

    const errors: string[] = [];
    const watch = (page: Page) => {
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
    };
    context.on('page', watch);

    return {
      url: server.url,
      storePath,
      simDir: (opts.orders ?? 500) > 0 ? join(dir, 'sim') : null,
      adminToken,
      users: DEMO_USERS,
      signInAs,
      context,
      newPage: () => context.newPage(),
      serverLog: server.output,
      consoleErrors: () => [...errors],
      async shot(page, name, shotOpts) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        const path = join(SCREENSHOTS, `${name}.png`);
        await page.screenshot({ path, fullPage: shotOpts?.fullPage ?? false });
        return path;
      },
      fetch: (path, init) => fetch(`${server.url}${path}`, { ...init, headers: { ...(init?.headers as Record<string, string> | undefined), cookie: `tl_session=${session}` } }),
      async query<T>(path: string, input?: unknown): Promise<T> {
        const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
        const res = await fetch(`${server.url}/api/trpc/${path}${qs}`, { headers: { cookie: `tl_session=${session}` } });
        const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
        if (!res.ok || !body.result) throw new Error(`${path} failed: HTTP ${res.status} ${body.error?.message ?? ''}`);
        return body.result.data;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
