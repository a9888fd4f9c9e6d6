// Named queries live as files under sql/queries/<area>/<name>.sql and are loaded by name, so SQL
// is reviewed as SQL and can be run by hand in the DuckDB shell.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const cache = new Map<string, string>();

export function sqlRoot(): string {
  return join(process.env.THROUGHLINE_ROOT ?? process.cwd(), 'sql');
}

export function loadQuery(name: string): string {
  if (!/^[a-z0-9_\-/]+$/.test(name) || name.includes('..')) throw new Error(`invalid query name "${name}"`);
  let text = cache.get(name);
  if (text === undefined) {
    const file = join(sqlRoot(), 'queries', `${name}.sql`);
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`no query file ${file} for query "${name}"`);
    }
    cache.set(name, text);
  }
  return text;
}

/** Quotes an SQL identifier; the one place identifiers are built from strings. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
