// The Format button: sql-formatter's DuckDB dialect, keywords upper case. Its parse errors are
// long grammar traces; the first line says what and where.
import { duckdb, formatDialect } from 'sql-formatter';

export function formatSql(sql: string): { sql: string } | { error: string } {
  try {
    return { sql: formatDialect(sql, { dialect: duckdb, keywordCase: 'upper', tabWidth: 2 }) };
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    return { error: `Cannot format: ${first}` };
  }
}
