// Versioned migrations: sql/schema/NNN_name.sql, applied once each, in order, each in a transaction.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqlRoot } from './query-files';
import type { Store } from './connection';

export interface Migration {
  version: number;
  name: string;
  file: string;
}

export function listMigrations(): Migration[] {
  const dir = join(sqlRoot(), 'schema');
  return readdirSync(dir)
    .map((f) => /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2], file: join(dir, m[0]) }))
    .sort((a, b) => a.version - b.version);
}

export async function migrate(store: Store): Promise<number[]> {
  await store.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)',
  );
  const done = new Set((await store.sql<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  const applied: number[] = [];
  for (const m of listMigrations()) {
    if (done.has(m.version)) continue;
    await store.transaction(async (tx) => {
      await tx.run(readFileSync(m.file, 'utf8'));
      await tx.sql('INSERT INTO schema_migrations VALUES ($v, $n, now()::TIMESTAMP)', { v: m.version, n: m.name });
    });
    applied.push(m.version);
  }
  return applied;
}
