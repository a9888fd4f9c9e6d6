// `serve` builds the Next.js app only when a source is newer than the last build, so the quick
// start stays one command and a second start is instant.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const SOURCES = ['app', 'components', 'server', 'mining', 'ingest', 'sql', 'next.config.mjs', 'package-lock.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function buildIsStale(root: string): boolean {
  const buildId = join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

export function nextBin(root: string): string {
  return join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
}

export function buildIfNeeded(root: string, log: (s: string) => void): void {
  if (!buildIsStale(root)) return;
  log('Building the dashboard (next build)…');
  const r = spawnSync(process.execPath, [nextBin(root), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
}
