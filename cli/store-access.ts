// The store has one owner. When a server is running it owns the file and the CLI must go through
// it; otherwise the CLI opens the file itself. Both paths say which one they took.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultStorePath } from '../sql';

export interface ServerInfo {
  pid: number;
  url: string;
  /** Admin token for the CLI; the file is created mode 0600 next to the store. */
  token: string;
  store: string;
}

export function resolveStorePath(flag: string | undefined): string {
  return resolve(flag ?? defaultStorePath());
}

function infoPath(store: string): string {
  return `${store}.server.json`;
}

export function writeServerInfo(info: ServerInfo): void {
  writeFileSync(infoPath(info.store), JSON.stringify(info), { mode: 0o600 });
}

export function removeServerInfo(store: string): void {
  rmSync(infoPath(store), { force: true });
}

/** The running server that owns `store`, if any (a stale file from a dead process is ignored). */
export function runningServer(store: string): ServerInfo | null {
  const file = infoPath(store);
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as ServerInfo;
    process.kill(info.pid, 0);
    return info;
  } catch {
    return null;
  }
}
