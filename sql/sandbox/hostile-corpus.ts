// Hostile statements for the sandbox (issue 6, "Safety"): each must be refused by the gate
// (`refused`, with a reason matching `why`) or cut off by a limit (`cut`: the time limit, the
// memory limit, or the row cap), and must never do its harm. `at` fills in paths of the test's
// own store, snapshot folder and a target folder that must stay empty.
export interface HostileCase {
  label: string;
  sql: string;
  expect: 'refused' | 'cut';
  /** For refusals: what the message must name. */
  why?: RegExp;
}

export interface CorpusPaths {
  /** The store file. */
  store: string;
  /** A folder the statements try to write into (must stay empty). */
  target: string;
}

const FILE = /reads files/;
const SETTINGS = /settings and catalog/;
const NOT_QUERY = /cannot run in a notebook/;
const NOT_ANALYST = /is not an analyst table/;

export function hostileCorpus(p: CorpusPaths): HostileCase[] {
  const R = (label: string, sql: string, why: RegExp): HostileCase => ({ label, sql, expect: 'refused', why });
  const C = (label: string, sql: string): HostileCase => ({ label, sql, expect: 'cut' });
  return [
    // File reads by every file table function, relative and absolute, the store itself.
    R('read_csv of /etc/passwd', "SELECT * FROM read_csv('/etc/passwd')", FILE),
    R('read_csv_auto of a relative path', "SELECT * FROM read_csv_auto('package.json')", FILE),
    R('read_csv over a list of files', "SELECT * FROM read_csv(['/etc/passwd', '/etc/hosts'])", FILE),
    R('read_text of /etc/passwd', "SELECT content FROM read_text('/etc/passwd')", FILE),
    R('read_blob of the store file', `SELECT content FROM read_blob('${p.store}')`, FILE),
    R('read_parquet of a relative path', "SELECT * FROM read_parquet('data/*.parquet')", FILE),
    R('parquet_metadata', "SELECT * FROM parquet_metadata('x.parquet')", FILE),
    R('parquet_schema', "SELECT * FROM parquet_schema('/tmp/x.parquet')", FILE),
    R('read_json of /etc/passwd', "SELECT * FROM read_json('/etc/passwd')", FILE),
    R('read_json_auto', "SELECT * FROM read_json_auto('package.json')", FILE),
    R('read_ndjson', "SELECT * FROM read_ndjson('/etc/passwd')", FILE),
    R('glob of /etc', "SELECT * FROM glob('/etc/*')", FILE),
    R('sniff_csv', "SELECT * FROM sniff_csv('/etc/passwd')", FILE),
    R('read_duckdb of the store file', `SELECT * FROM read_duckdb('${p.store}')`, FILE),
    R('replacement scan of a file path', "SELECT * FROM '/etc/passwd'", /reads a file/),
    R('replacement scan of the store file', `FROM '${p.store}'`, /reads a file/),
    R('read_text inside a subquery in WHERE', "SELECT 1 WHERE EXISTS (SELECT * FROM read_text('/etc/passwd'))", FILE),
    R('query() runs SQL text', "SELECT * FROM query('SELECT * FROM meta')", /runs SQL text/),
    R('query_table() reads any table by name', "SELECT * FROM query_table('schema_migrations')", /runs SQL text/),
    // COPY, EXPORT, IMPORT.
    R('COPY TO a file', `COPY events TO '${p.target}/events.csv'`, NOT_QUERY),
    R('COPY (query) TO parquet', `COPY (SELECT * FROM cases) TO '${p.target}/cases.parquet' (FORMAT parquet)`, NOT_QUERY),
    R('COPY FROM a file', "COPY events FROM '/etc/passwd'", NOT_QUERY),
    R('EXPORT DATABASE', `EXPORT DATABASE '${p.target}/dump'`, NOT_QUERY),
    R('IMPORT DATABASE', `IMPORT DATABASE '${p.target}'`, NOT_QUERY),
    // Writes and DDL.
    R('INSERT', "INSERT INTO logs VALUES ('evil', 'Evil', 'csv', now())", NOT_QUERY),
    R('UPDATE', "UPDATE cases SET segment = 'X'", NOT_QUERY),
    R('DELETE', 'DELETE FROM events', NOT_QUERY),
    R('CREATE TABLE AS', 'CREATE TABLE evil AS SELECT 1', NOT_QUERY),
    R('CREATE TEMP TABLE', 'CREATE TEMP TABLE evil AS SELECT * FROM events', NOT_QUERY),
    R('CREATE MACRO', 'CREATE MACRO evil(x) AS x + 1', NOT_QUERY),
    R('CREATE SECRET', "CREATE SECRET evil (TYPE s3, KEY_ID 'k', SECRET 's')", NOT_QUERY),
    R('CREATE VIEW', 'CREATE VIEW evil AS SELECT 1', NOT_QUERY),
    R('DROP TABLE', 'DROP TABLE events', NOT_QUERY),
    R('ALTER TABLE', 'ALTER TABLE events ADD COLUMN evil INTEGER', NOT_QUERY),
    // ATTACH, DETACH, USE.
    R('ATTACH the store file', `ATTACH '${p.store}' AS store_rw`, NOT_QUERY),
    R('ATTACH a new file', `ATTACH '${p.target}/new.duckdb' AS n`, NOT_QUERY),
    R('DETACH', 'DETACH memory', NOT_QUERY),
    R('USE system', 'USE system', NOT_QUERY),
    // PRAGMA, SET, RESET, CALL, CHECKPOINT, INSTALL, LOAD.
    R('PRAGMA database_list', 'PRAGMA database_list', NOT_QUERY),
    R('PRAGMA enable_profiling', 'PRAGMA enable_profiling', NOT_QUERY),
    R('SET memory_limit', "SET memory_limit = '100GB'", NOT_QUERY),
    R('SET enable_external_access', 'SET enable_external_access = true', NOT_QUERY),
    R('SET threads', 'SET threads = 64', NOT_QUERY),
    R('SET search_path', "SET search_path = 'temp'", NOT_QUERY),
    R('RESET memory_limit', 'RESET memory_limit', NOT_QUERY),
    R('CALL a pragma function', 'CALL pragma_version()', NOT_QUERY),
    R('CHECKPOINT', 'CHECKPOINT', NOT_QUERY),
    R('INSTALL an extension', 'INSTALL httpfs', NOT_QUERY),
    R('LOAD an extension', 'LOAD httpfs', NOT_QUERY),
    R('EXPLAIN ANALYZE', 'EXPLAIN ANALYZE SELECT 1', NOT_QUERY),
    // Settings and environment escapes.
    R('getenv()', "SELECT getenv('HOME')", /getenv\(\) reads the server/),
    R('current_setting()', "SELECT current_setting('temp_directory')", /current_setting\(\) reads/),
    R('getvariable()', "SELECT getvariable('x')", /getvariable\(\)/),
    R('nextval() on the store sequence', "SELECT nextval('event_seq')", /nextval\(\) changes a sequence/),
    R('duckdb_settings()', 'SELECT * FROM duckdb_settings()', SETTINGS),
    R('duckdb_secrets()', 'SELECT * FROM duckdb_secrets()', SETTINGS),
    R('duckdb_databases()', 'SELECT path FROM duckdb_databases()', SETTINGS),
    R('duckdb_settings as a view name', 'FROM duckdb_settings', NOT_ANALYST),
    R('information_schema.tables', 'SELECT * FROM information_schema.tables', NOT_ANALYST),
    R('a WITH name shadowing a system view', 'WITH duckdb_settings AS (SELECT 1) SELECT * FROM duckdb_settings', /system name/),
    R('SHOW TABLES', 'SHOW ALL TABLES', /SHOW lists the database catalog/),
    // Tables outside the allowlist, by name and fully qualified.
    R('schema_migrations by name', 'SELECT * FROM schema_migrations', NOT_ANALYST),
    R('odoo watermarks by name', 'SELECT * FROM odoo_watermarks', NOT_ANALYST),
    R('ingest runs (source paths) by name', 'SELECT source_path FROM ingest_runs', NOT_ANALYST),
    R('notebooks by name', 'SELECT * FROM notebooks', NOT_ANALYST),
    R('meta, schema-qualified', 'SELECT * FROM main.meta', NOT_ANALYST),
    R('an analyst table, catalog-qualified', 'SELECT * FROM system.main.events', /without a catalog/),
    R('meta inside a CTE', 'WITH x AS (SELECT * FROM meta) SELECT * FROM x', NOT_ANALYST),
    R('ingest_runs in a scalar subquery', 'SELECT (SELECT max(source_path) FROM ingest_runs) AS p', NOT_ANALYST),
    // Statements hidden after a semicolon or a comment.
    R('a DROP after a semicolon', 'SELECT 1; DROP TABLE events', /one statement at a time/),
    R('a COPY after a line comment', `SELECT 1 -- harmless\n; COPY events TO '${p.target}/x.csv'`, /one statement at a time/),
    R('an ATTACH after a block comment with a semicolon', "SELECT 1 /* ; */ ; ATTACH ':memory:' AS m", /one statement at a time/),
    R('an INSERT behind a leading comment', "/* just a query */ INSERT INTO logs VALUES ('e', 'E', 'csv', now())", NOT_QUERY),
    // Runaway queries: cut off by the time limit, the memory limit or the row cap.
    C('a recursive CTE that never ends', 'WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r'),
    C('a recursive CTE that never ends, streamed', 'WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i FROM r) SELECT * FROM r'),
    C('a cross join that explodes in rows', 'SELECT * FROM events a, events b, events c'),
    C('a cross join that explodes in an aggregate', 'SELECT count(*), sum(a.amount * b.amount) FROM events a, events b, events c'),
    R('huge string building with a nested repeat', "SELECT length(repeat(repeat('x', 1000000), 3000)) AS n", /cannot interrupt/),
    R('repeat with a computed count', "SELECT repeat('x', (SELECT 1000000000)) AS s", /not a literal/),
    R('lpad to a huge width', "SELECT lpad('x', 2000000000, 'y') AS s", /cannot interrupt/),
    C('huge string building with string_agg', "SELECT length(string_agg(repeat('x', 1000000), '')) FROM range(100000)"),
    C('huge string building with string_agg over a join', "SELECT length(string_agg(a.event_id || b.event_id, ',')) FROM events a, events b"),
    C('a sort over an exploding join', 'SELECT a.event_id, b.event_id, c.activity FROM events a, events b, events c ORDER BY 3, 2, 1'),
    C('a huge range counted', 'SELECT count(*) FROM range(1000000000000)'),
    R('a huge list built in one step', 'SELECT len(generate_series(1, 2000000000)) AS n', /cannot interrupt/),
  ];
}
