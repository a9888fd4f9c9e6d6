// `serve` owns the store while it runs; the other commands must go through it or say why not.
import { describe, it, expect, afterAll } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(process.cwd(), 'bin', 'throughline.mjs');
const dir = mkdtempSync(join(tmpdir(), 'tl-serve-'));
const store = join(dir, 'store.duckdb');
let server: ChildProcess | null = null;

afterAll(() => {
  if (server?.pid) {
    try {
      process.kill(server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function waitFor(check: () => boolean, what: string, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('throughline serve', () => {
  it('loads demo data, serves it, routes ingests through itself and cleans up on SIGTERM', async () => {
    const port = await freePort();
    let output = '';
    server = spawn(process.execPath, [bin, 'serve', '--demo', '--demo-orders', '200', '--store', store, '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d) => (output += d));
    server.stderr?.on('data', (d) => (output += d));
    await waitFor(() => output.includes('Throughline is serving'), `the server to start; output so far:\n${output}`, 280_000);
    expect(output).toContain('Loading them through the SAP, WMS and billing ingestors');

    // The first start made an admin and printed its password once; --demo added one user per role.
    expect(output).toMatch(/First start: sign in as "admin" with the password [A-Za-z0-9]{20}/);
    expect(output).toContain('demo-owner / demo-owner-pass');
    const anonymous = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get('location')).toMatch(/\/signin$/);
    const signIn = await fetch(`http://127.0.0.1:${port}/api/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-finance', password: 'demo-finance-pass' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const page = await fetch(`http://127.0.0.1:${port}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Finance overview');

    const info = `${store}.server.json`;
    expect(existsSync(info)).toBe(true);
    expect(statSync(info).mode & 0o077).toBe(0); // holds the admin token: owner only

    // The demo folder lives beside the store; loading it again goes through the server and adds nothing.
    const demoDir = join(dir, 'demo-source-7-200');
    const again = cli('ingest', 'all', demoDir, '--store', store);
    expect(again.code, again.err).toBe(0);
    expect(again.err).toContain('sent to the running server');
    expect(again.out).toMatch(/events \+0,/);

    // So does an import of an event-log file; its log lands in the server's store.
    const xes = join(process.cwd(), 'fixtures', 'datasets', 'running-example.xes');
    const imported = cli('import', xes, '--log', 'rx', '--store', store);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.err).toContain('sent to the running server');
    expect(imported.out).toMatch(/events \+42,/);

    const stats = cli('stats', '--store', store);
    expect(stats.code).toBe(1);
    expect(stats.err).toContain('owns');

    server.kill('SIGTERM');
    await new Promise((r) => server?.once('exit', r));
    expect(existsSync(info)).toBe(false);
    const after = cli('stats', '--store', store, '--json');
    expect(after.code, after.err).toBe(0);
    expect(JSON.parse(after.out).logs[0].cases).toBe(200);
    const rx = cli('stats', '--log', 'rx', '--store', store, '--json');
    expect(rx.code, rx.err).toBe(0);
    expect(JSON.parse(rx.out)).toMatchObject({ cases: 6, events: 42 });
  });
});
