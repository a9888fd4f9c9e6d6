// Named results: which names a cell uses (found by the tokenizer, not by a text search), the CTEs
// composed in, the errors, and that DuckDB accepts every shape composeCell produces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../sql';
import { ComposeError, composeCell, type ComposableCell } from './compose';
import { significant, tokenize, trimStatement } from './sql-tokens';

const sql = (id: string, text: string, name?: string): ComposableCell => ({ id, kind: 'sql', sql: text, ...(name ? { name } : {}) });
const md = (id: string): ComposableCell => ({ id, kind: 'markdown' });
const uses = (cells: ComposableCell[], id: string) => composeCell(cells, id).uses;
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ComposeError);
    return (err as Error).message;
  }
  throw new Error('expected a ComposeError');
};

describe('the tokenizer', () => {
  it('tells words from strings, quoted identifiers, comments and dollar quotes', () => {
    const t = significant(tokenize(`SELECT 'a -- b', "x""y", $$ it's $$, $tag$ z $tag$, E'\\'q', $1 /* c /* nested */ d */ FROM t -- end`));
    expect(t.filter((x) => x.kind === 'word').map((x) => x.text)).toEqual(['SELECT', 'FROM', 't']);
    expect(t.filter((x) => x.kind === 'string').map((x) => x.text)).toEqual([`'a -- b'`, '$$ it\'s $$', '$tag$ z $tag$', `E'\\'q'`]);
    expect(t.filter((x) => x.kind === 'quoted').map((x) => x.text)).toEqual(['"x""y"']);
  });

  it('trims what trails a statement', () => {
    expect(trimStatement('SELECT 1 ; -- done\n /* more */ ;\n')).toBe('SELECT 1');
    expect(trimStatement("SELECT ';' AS s;")).toBe("SELECT ';' AS s");
    expect(trimStatement('-- only a comment')).toBe('');
  });
});

describe('composeCell', () => {
  it('leaves a cell that uses no result exactly as written', () => {
    const cells = [sql('a', 'SELECT 1 AS x', 'one'), sql('b', 'SELECT 2; ')];
    expect(composeCell(cells, 'b')).toEqual({ sql: 'SELECT 2; ', uses: [], cellNumber: 2 });
  });

  it('adds the results a cell uses, transitively and in cell order, and only those', () => {
    const cells = [
      sql('a', 'SELECT 1 AS x', 'base'),
      sql('b', 'SELECT 2 AS y', 'unused'),
      md('m'),
      sql('c', 'SELECT x + 1 AS x FROM base;', 'step'),
      sql('d', 'SELECT * FROM step'),
    ];
    const c = composeCell(cells, 'd');
    expect(c.uses).toEqual(['base', 'step']);
    expect(c.cellNumber).toBe(5);
    expect(c.sql).toBe('WITH "base" AS (\nSELECT 1 AS x\n),\n"step" AS (\nSELECT x + 1 AS x FROM base\n)\nSELECT * FROM step');
  });

  it('does not see names inside strings, quoted identifiers, comments, after a dot, or as parts of longer names', () => {
    const cells = [
      sql('a', 'SELECT 1 AS x', 'dso'),
      sql('b', `SELECT 'dso' AS s, "dso" AS q, t.dso, dso_days -- dso\n/* dso */ FROM (SELECT 1 AS x, 2 AS dso_days) t`),
    ];
    expect(uses(cells, 'b')).toEqual([]);
    // An earlier result's name used as an alias is composed in; unused, DuckDB never computes it.
    expect(uses([sql('a', 'SELECT 1', 'total'), sql('b', 'SELECT 2 AS total')], 'b')).toEqual(['total']);
    // Names ignore case, as DuckDB identifiers do.
    expect(uses([sql('a', 'SELECT 1', 'Dso'), sql('b', 'SELECT * FROM DSO')], 'b')).toEqual(['Dso']);
  });

  it('does not let a cell see its own name or a later cell\'s result', () => {
    // A cell named like a store table reads the table; the next cell reads the result.
    const cells = [sql('a', "SELECT * FROM cases WHERE log_id = 'o2c'", 'cases'), sql('b', 'SELECT count(*) FROM cases')];
    expect(composeCell(cells, 'a').uses).toEqual([]);
    expect(composeCell(cells, 'b').uses).toEqual(['cases']);
    // A later result named as a column or alias is not an error...
    expect(uses([sql('a', 'SELECT 1 AS total'), sql('b', 'SELECT 2', 'total')], 'a')).toEqual([]);
    // ...but reading it as a table is, naming both cells.
    const msg = failure(() => composeCell([sql('a', 'SELECT 1', 'x'), md('m'), sql('b', 'SELECT * FROM late JOIN x ON true'), sql('c', 'SELECT 3', 'late')], 'b'));
    expect(msg).toBe('Cell 3 uses late, the result of cell 4 (late) below it; a cell can only use the results of cells above it. Move cell 4 (late) up.');
    // The same rule holds inside an earlier result the cell uses.
    expect(failure(() => composeCell([sql('a', 'SELECT * FROM c2', 'a1'), sql('b', 'SELECT * FROM a1'), sql('c', 'SELECT 1', 'c2')], 'b'))).toMatch(
      /^Cell 1 \(a1\) uses c2, the result of cell 3 \(c2\) below it/,
    );
  });

  it('refuses duplicate names above the cell, naming both cells', () => {
    const cells = [sql('a', 'SELECT 1', 'r'), sql('b', 'SELECT 2', 'R'), sql('c', 'SELECT * FROM r')];
    expect(failure(() => composeCell(cells, 'c'))).toBe('Cell 1 (r) and cell 2 (R) have the same name; rename one (result names ignore case).');
    // A duplicate further down does not stop the cells above it.
    expect(uses([sql('a', 'SELECT 1', 'r'), sql('b', 'SELECT * FROM r'), sql('c', 'SELECT 2', 'r')], 'b')).toEqual(['r']);
  });

  it('refuses a used result that is empty, holds two statements or unbalanced parentheses, and a cell that is not SQL', () => {
    expect(failure(() => composeCell([sql('a', '-- todo', 'r'), sql('b', 'FROM r')], 'b'))).toMatch(/^Cell 1 \(r\) is empty/);
    expect(failure(() => composeCell([sql('a', 'SELECT 1; SELECT 2', 'r'), sql('b', 'FROM r')], 'b'))).toMatch(/^Cell 1 \(r\) holds more than one statement/);
    expect(failure(() => composeCell([sql('a', 'SELECT 1) UNION (SELECT 2', 'r'), sql('b', 'FROM r')], 'b'))).toMatch(/closes a parenthesis it never opened/);
    expect(failure(() => composeCell([sql('a', 'SELECT (1', 'r'), sql('b', 'FROM r')], 'b'))).toMatch(/leaves a parenthesis open/);
    expect(failure(() => composeCell([md('m'), sql('b', 'SELECT 1')], 'm'))).toBe('Cell 1 is not a SQL cell.');
    expect(failure(() => composeCell([sql('b', 'SELECT 1')], 'zz'))).toMatch(/No cell with id "zz"/);
  });
});

describe('what DuckDB makes of the composed statements', () => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(':memory:');
  });
  afterAll(() => store.close());
  const run = (cells: ComposableCell[], id: string) => store.sql(composeCell(cells, id).sql);
  const base = sql('a', 'SELECT range AS x FROM range(4); -- four rows\n', 'nums');

  it('accepts SELECT, FROM-first, VALUES, a parenthesised query, trailing semicolons and comments', async () => {
    expect(await run([base, sql('b', 'SELECT sum(x) AS s FROM nums;')], 'b')).toEqual([{ s: 6 }]);
    expect(await run([base, sql('b', 'FROM nums SELECT max(x) AS m -- the largest')], 'b')).toEqual([{ m: 3 }]);
    expect(await run([base, sql('b', 'VALUES (1) -- nums unused but named\n')], 'b')).toHaveLength(1);
    expect(await run([base, sql('b', '(SELECT min(x) AS m FROM nums) UNION ALL (SELECT 9)')], 'b')).toEqual([{ m: 0 }, { m: 9 }]);
    // A named result may itself be FROM-first and end with a comment.
    expect(await run([sql('a', 'FROM range(3) r(x) SELECT x -- three', 'three'), sql('b', 'SELECT count(*) AS n FROM three')], 'b')).toEqual([{ n: 3 }]);
  });

  it('merges into the cell\'s own WITH (also WITH RECURSIVE) instead of nesting two', async () => {
    const own = composeCell([base, sql('b', 'WITH big AS (SELECT x FROM nums WHERE x > 1) SELECT count(*) AS n FROM big')], 'b');
    expect(own.sql.match(/\bWITH\b/g)).toHaveLength(1);
    expect(await store.sql(own.sql)).toEqual([{ n: 2 }]);
    const rec = [base, sql('b', '-- count up\nWITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < (SELECT max(x) FROM nums)) SELECT max(n) AS top FROM r;')];
    expect(await run(rec, 'b')).toEqual([{ top: 3 }]);
    // A result with a WITH of its own nests inside its CTE.
    expect(await run([sql('a', 'WITH t AS (SELECT 5 AS v) SELECT v FROM t', 'five'), sql('b', 'SELECT v * 2 AS w FROM five')], 'b')).toEqual([{ w: 10 }]);
  });

  it('wraps statements that cannot follow a WITH (SUMMARIZE, DESCRIBE)', async () => {
    const rows = await run([base, sql('b', 'SUMMARIZE nums')], 'b');
    expect(rows[0]).toMatchObject({ column_name: 'x', min: '0', max: '3' });
    expect(await run([base, sql('b', 'DESCRIBE nums;')], 'b')).toEqual([expect.objectContaining({ column_name: 'x' })]);
  });

  it('keeps a name that is a reserved word usable as a CTE (quoted)', async () => {
    expect(await run([sql('a', 'SELECT 1 AS x', 'order_'), sql('b', 'SELECT * FROM order_')], 'b')).toEqual([{ x: 1 }]);
  });
});
