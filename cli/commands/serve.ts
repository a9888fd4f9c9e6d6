import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { intOption, parse } from '../args';
import { removeServerInfo, resolveStorePath, runningServer, writeServerInfo } from '../store-access';
import { buildIfNeeded, nextBin } from '../build';
import { loadDemoIfEmpty } from '../demo';

const USAGE = `Usage: throughline serve [--store PATH] [--port 3000] [--host 127.0.0.1] [--demo] [--demo-orders N]

Starts the dashboard on http://HOST:PORT. Builds the app first when sources changed. With
--demo, an empty store is first filled with a simulated distributor (N orders, default 20000)
loaded through the real ingestors. The server then owns the store: other throughline commands
send their work to it.`;

const root = process.cwd();

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(
    argv,
    { port: { type: 'string', short: 'p' }, host: { type: 'string' }, demo: { type: 'boolean' }, 'demo-orders': { type: 'string' } },
    USAGE,
  );
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const store = resolveStorePath(values.store);
  const port = intOption(values.port, 'port', 3000);
  const host = values.host ?? '127.0.0.1';
  const log = (s: string) => console.log(s);
  const other = runningServer(store);
  if (other) {
    console.error(`A server (pid ${other.pid}) already owns ${store} at ${other.url}.`);
    return 1;
  }
  if (values.demo) await loadDemoIfEmpty(store, intOption(values['demo-orders'], 'demo-orders', 20_000), log);
  await prepareAccounts(store, !!values.demo, log);
  await buildIfNeeded(root, log);

  const token = randomBytes(24).toString('hex');
  const child = spawn(process.execPath, [nextBin(root), 'start', '-H', host, '-p', String(port)], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    // DuckDB's node binding runs every query on libuv's pool (4 threads by default): analysts'
    // notebook queries (2 at once, sql/sandbox) must not leave the dashboard's reads waiting.
    env: { UV_THREADPOOL_SIZE: '16', ...process.env, NEXT_TELEMETRY_DISABLED: '1', THROUGHLINE_STORE: store, THROUGHLINE_ADMIN_TOKEN: token },
  });
  const url = `http://${host}:${port}`;
  writeServerInfo({ pid: child.pid ?? 0, url, token, store });
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (await waitForHttp(url, 60_000)) {
    log(`Throughline is serving ${store} on ${url}  (Ctrl+C stops it)`);
    // The token itself stays out of the output (logs are shared); the file is readable by its owner only.
    log(`The admin token for the upload page and scripts is in ${store}.server.json ("token").`);
  }
  return await new Promise<number>((done) =>
    child.on('exit', (code, signal) => {
      removeServerInfo(store);
      done(code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1));
    }),
  );
}

async function waitForHttp(url: string, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

/**
 * Sign-in needs an account: the first start creates `admin` with a random password and prints it
 * this once (only its scrypt hash is kept); `--demo` adds one user per role with the README's
 * demo passwords.
 */
async function prepareAccounts(storePath: string, demo: boolean, log: (s: string) => void): Promise<void> {
  const { Store } = await import('../../sql');
  const { ensureDemoUsers, ensureFirstAdmin, DEMO_USERS } = await import('../../server/accounts');
  const store = await Store.open(storePath);
  try {
    const first = await ensureFirstAdmin(store);
    if (first) {
      log(`First start: sign in as "${first.username}" with the password ${first.password}`);
      log('  (shown only now; change it after signing in, or create your own accounts as admin).');
    }
    if (demo) {
      const made = await ensureDemoUsers(store);
      if (made.length) log(`Demo accounts (demo only, passwords in README): ${DEMO_USERS.map((u) => `${u.id} / ${u.password}`).join(', ')}`);
      else log(`Demo accounts: ${DEMO_USERS.map((u) => u.id).join(', ')} (passwords in README).`);
    }
  } finally {
    store.close(); // the server must be the only process holding the file
  }
}
