// The gate alone (Sandbox.check needs no snapshot): what analysts write passes; what it refuses
// says what and why. The hostile corpus (hostile.test.ts) runs the refusals end to end.
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../connection';
import { SqlRefusedError, SqlSandbox } from '.';

const store = await Store.open(':memory:');
const sb = new SqlSandbox(store, {});
afterAll(async () => {
  await sb.close();
  store.close();
});

const ACCEPTED = [
  'SELECT 1',
  'select * from events limit 10;',
  '-- a comment first\nSELECT count(*) FROM cases /* and one inside */ WHERE segment = \'KA\';;',
  'FROM cases SELECT segment, count(*) GROUP BY ALL',
  'VALUES (1, \'a\'), (2, \'b\')',
  '(SELECT 1) UNION ALL (SELECT 2)',
  'WITH late AS (SELECT * FROM invoice_facts WHERE pgi_ts IS NOT NULL), by_day AS (SELECT created_ts::DATE AS d, count(*) AS n FROM late GROUP BY 1) SELECT * FROM by_day ORDER BY d',
  'WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 10) SELECT * FROM r',
  "SELECT * FROM tl_dfg('o2c', 'order') ORDER BY pairs DESC LIMIT 10",
  "SELECT v.*, c.cases FROM tl_variants('o2c', 'order') v JOIN (SELECT variant_no, count(*) AS cases FROM cases GROUP BY 1) c USING (variant_no)",
  'SELECT * FROM main.events',
  'DESCRIBE events',
  'SUMMARIZE cases',
  'SUMMARIZE SELECT net_value FROM cases',
  'SELECT * FROM range(1000000000000) t(i) LIMIT 5',
  'SELECT unnest(range(10)) AS i',
  'SELECT generate_series(1, 10) AS xs',
  "SELECT repeat('─', 20) AS rule, lpad(segment, 12, ' ') FROM cases",
  "SELECT key, value FROM json_each('{\"a\": 1}')",
  'SELECT case_id, row_number() OVER (PARTITION BY segment ORDER BY net_value DESC) AS rank FROM cases QUALIFY rank <= 3',
  "SELECT string_agg(activity, ' → ' ORDER BY ts) FROM events GROUP BY log_id",
  'SELECT * FROM events e WHERE EXISTS (SELECT 1 FROM event_object eo WHERE eo.event_id = e.event_id)',
  "SELECT * FROM cases PIVOT (count(*) FOR segment IN ('KA', 'SMB'))",
];

describe('the gate', () => {
  for (const sql of ACCEPTED) {
    it(`accepts ${JSON.stringify(sql.slice(0, 70))}`, async () => {
      await expect(sb.check(sql)).resolves.toBeUndefined();
    });
  }

  const refusal = async (sql: string) => {
    const err = await sb.check(sql).then(() => null, (e: unknown) => e as Error);
    expect(err, sql).toBeInstanceOf(SqlRefusedError);
    return err!.message;
  };

  it('names what it refused and why', async () => {
    expect(await refusal("SELECT * FROM read_csv('/etc/passwd')")).toBe('read_csv reads files; notebooks cannot read files.');
    expect(await refusal('SELECT 1; SELECT 2')).toMatch(/^Notebooks run one statement at a time; this text holds 2/);
    expect(await refusal('DROP TABLE events')).toMatch(/^DROP statements cannot run in a notebook/);
    expect(await refusal("SELECT getenv('HOME')")).toBe('getenv() reads the server’s environment; notebooks cannot call it.');
    expect(await refusal('SELECT * FROM notebooks')).toMatch(/^notebooks is not an analyst table; notebooks see .*events/);
    expect(await refusal('EXPLAIN SELECT 1')).toMatch(/^EXPLAIN statements cannot run/);
    expect(await refusal('   -- only a comment\n ; ')).toBe('The cell holds no statement.');
    expect(await refusal("SELECT repeat('x', 5000000)")).toMatch(/^repeat\(\) of 5,000,000: it builds its whole result in one step/);
    expect(await refusal('SELECT range(0, n_events) FROM cases')).toMatch(/not a literal number/);
  });

  it('scopes WITH names: a name defined in one subquery does not hide a table elsewhere', async () => {
    expect(await refusal('SELECT * FROM (WITH meta AS (SELECT 1) SELECT * FROM meta), meta')).toMatch(/^meta is not an analyst table/);
    await expect(sb.check('WITH meta AS (SELECT 1 AS x) SELECT * FROM meta')).resolves.toBeUndefined();
  });

  it('lets syntax errors through as DuckDB says them (not refusals)', async () => {
    const err = await sb.check('SELEC 1').then(() => null, (e: unknown) => e as Error);
    expect(err).not.toBeInstanceOf(SqlRefusedError);
    expect(err?.message).toMatch(/syntax error/i);
  });
});
