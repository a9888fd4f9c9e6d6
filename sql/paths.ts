import { join } from 'node:path';

/** The embedded default store; THROUGHLINE_STORE overrides it. */
export function defaultStorePath(): string {
  return process.env.THROUGHLINE_STORE ?? join(process.env.THROUGHLINE_ROOT ?? process.cwd(), 'data', 'throughline.duckdb');
}
