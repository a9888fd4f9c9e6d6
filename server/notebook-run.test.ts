// What an analyst reads when a cell fails: DuckDB's message without the server's folders.
import { describe, expect, it } from 'vitest';
import type { Store } from '../sql';
import { SqlRefusedError, SqlTimeoutError } from '../sql';
import { NotebookRunError, runError, withoutServerPaths } from './notebook-run';
import { TRPCError } from '@trpc/server';

const store = { path: '/srv/throughline/data/throughline.duckdb' } as Store;
const causeOf = (e: unknown) => ((e as TRPCError).cause as NotebookRunError);

describe('run errors', () => {
  it('strips the store folder (snapshot files live beside it) and the working directory', () => {
    const msg = 'IO Error: Could not read "/srv/throughline/data/throughline.duckdb.analyst/3-ab.duckdb" or ' + `${process.cwd()}/x.sql`;
    const out = withoutServerPaths(msg, store);
    expect(out).toBe('IO Error: Could not read "throughline.duckdb.analyst/3-ab.duckdb" or x.sql');
  });

  it('maps the sandbox\'s errors to the contract\'s codes and leaves other errors alone', () => {
    expect(causeOf(runError(new SqlRefusedError('read_csv reads files'), store))).toMatchObject({ code: 'REFUSED', message: 'read_csv reads files' });
    expect((runError(new SqlTimeoutError(30_000), store) as TRPCError).code).toBe('TIMEOUT');
    expect(causeOf(runError(new Error('Parser Error: syntax error at or near "SELEC"'), store)).code).toBe('SQL_ERROR');
    const cells = [{ id: 'a', sql: 'SELECT * FROM later' }, { id: 'b', name: 'later', sql: 'SELECT 1' }];
    expect(causeOf(runError(new Error('Catalog Error: Table with name later does not exist!'), store, cells, 'a')).message).toMatch(
      /later is the result of cell 2, below cell 1/,
    );
    const internal = new TypeError('x is undefined');
    expect(runError(internal, store)).toBe(internal);
  });
});
