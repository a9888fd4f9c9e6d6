// `serve` builds the Next.js app only when a source is newer than the last build, so the quick
// start stays one command and a second start is instant.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** What the production build is made from; a newer file here means the build is stale. */
export const BUILD_SOURCES = ['app', 'components', 'server', 'mining', 'ingest', 'sql', 'notebooks', 'next.config.mjs', 'package-lock.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  // Tests and READMEs are not part of the build: editing them must not force a rebuild.
  if (!st.isDirectory()) return /\.test\.ts$|README\.md$/.test(path) ? 0 : st.mtimeMs;
  let newest = 0;
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
  return BUILD_SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

export function nextBin(root: string): string {
  return join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
}

/**
 * Builds when stale. Concurrent callers (parallel test files, a second `serve`) wait on a lock
 * folder instead of running two `next build`s into the same .next directory.
 */
export async function buildIfNeeded(root: string, log: (s: string) => void): Promise<void> {
  if (!buildIsStale(root)) return;
  const lock = join(tmpdir(), `throughline-build-${createHash('sha1').update(root).digest('hex').slice(0, 10)}.lock`);
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`waited 4 minutes for another build to finish (lock ${lock})`);
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true }); // left by a crash
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (!buildIsStale(root)) return;
    log('Building the dashboard (next build)…');
    const started = Date.now();
    const r = spawnSync(process.execPath, [nextBin(root), 'build'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
    log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
