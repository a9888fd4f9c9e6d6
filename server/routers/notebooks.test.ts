// The notebook documents through the router on a real (empty) DuckDB store: CRUD, the version
// check of saves, import errors that name the cell and field, export/import round trip, owners.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, type Cell } from '../../notebooks/types';
import { seedStarterNotebooks } from '../../notebooks/store';
import { Store } from '../../sql';
import { LOCAL_ADMIN, type User } from '../auth';
import { callerFor } from '../caller';

let store: Store;
const vera: User = { id: 'vera', roles: ['analyst'] };
const otto: User = { id: 'otto', roles: ['analyst'] };
const as = (user: User | null = vera) => callerFor(store, user);

beforeAll(async () => {
  store = await Store.open(':memory:');
});
afterAll(() => store.close());

const errorOf = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as TRPCError);
const sqlCell = (id: string, sql: string, name?: string): Cell => ({ id, kind: 'sql', sql, ...(name ? { name } : {}) });

describe('notebook documents', () => {
  it('creates, lists newest change first, gets, renames and removes', async () => {
    const a = await as().notebooks.create({ title: '  Cash   by segment ' });
    expect(a).toMatchObject({ title: 'Cash by segment', owner: 'vera', version: 1 });
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(a.cells).toHaveLength(1);
    const b = await as(otto).notebooks.create({ title: 'Second', cells: [sqlCell('c1', 'SELECT 1'), { id: 'm', kind: 'markdown', text: '# Hi' }] });
    expect(b.owner).toBe('otto');
    const [db] = await store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM notebooks');
    let list = await as().notebooks.list();
    expect(list).toHaveLength(db.n);
    expect(list[0]).toMatchObject({ id: b.id, title: 'Second', cells: 2, owner: 'otto', version: 1 });
    const renamed = await as().notebooks.rename({ id: a.id, title: 'Cash by customer segment' });
    expect(renamed.version).toBe(2);
    list = await as().notebooks.list();
    expect(list[0]).toMatchObject({ id: a.id, title: 'Cash by customer segment', version: 2 });
    expect(Date.parse(list[0].updatedAt)).toBeGreaterThanOrEqual(Date.parse(list[0].createdAt));
    expect(await as().notebooks.get({ id: b.id })).toEqual({ ...b });
    await as().notebooks.remove({ id: b.id });
    expect((await errorOf(as().notebooks.get({ id: b.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(as().notebooks.remove({ id: b.id }))).code).toBe('NOT_FOUND');
    const [gone] = await store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM notebooks WHERE id = $id', { id: b.id });
    expect(gone.n).toBe(0); // deleting is permanent
  });

  it('saves with the version read, and refuses a save over someone else\'s as a conflict', async () => {
    const nb = await as().notebooks.create({ title: 'Shared' });
    const mine = [sqlCell('q', "SELECT 'mine' AS who", 'who')];
    const saved = await as().notebooks.save({ id: nb.id, version: nb.version, title: 'Shared', cells: mine });
    expect(saved.version).toBe(nb.version + 1);
    // A second editor still holding version 1 saves: refused, nothing written.
    const err = await errorOf(as(otto).notebooks.save({ id: nb.id, version: nb.version, title: 'Theirs', cells: [sqlCell('q', 'SELECT 2')] }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/Someone else saved this notebook.*version 1.*version 2/);
    const now = await as().notebooks.get({ id: nb.id });
    expect(now).toMatchObject({ title: 'Shared', version: 2, cells: mine });
    // A deleted notebook cannot be saved.
    await as().notebooks.remove({ id: nb.id });
    expect((await errorOf(as().notebooks.save({ id: nb.id, version: 2, title: 'x', cells: [] }))).code).toBe('NOT_FOUND');
  });

  it('checks titles and the size of notebooks and cells', async () => {
    const nb = await as().notebooks.create({});
    expect(nb.title).toBe('Untitled notebook');
    const save = (title: string, cells: unknown[]) => errorOf(as().notebooks.save({ id: nb.id, version: nb.version, title, cells: cells as Cell[] }));
    expect((await save('   ', [])).message).toMatch(/title is empty/);
    expect((await save('x'.repeat(121), [])).message).toMatch(/121 characters; at most 120/);
    const many = Array.from({ length: LIMITS.cells + 1 }, (_, i) => sqlCell(`c${i}`, 'SELECT 1'));
    expect((await save('ok', many)).message).toMatch(/201 cells; at most 200/);
    const big = await save('ok', [sqlCell('a', 'SELECT 1'), sqlCell('b', `SELECT '${'x'.repeat(100_001)}'`)]);
    expect(big.code).toBe('BAD_REQUEST');
    expect(big.message).toMatch(/Cell 2, field "sql": 101 kB; a SQL cell holds at most 100 kB/);
    expect((await save('ok', [sqlCell('a', 'SELECT 1', '1st')])).message).toMatch(/Cell 1, field "name": "1st" is not a result name/);
    expect((await save('ok', [sqlCell('a', 'SELECT 1'), sqlCell('a', 'SELECT 2')])).message).toMatch(/Cell 2, field "id": "a" is also the id of cell 1/);
    // Nothing was written by the refused saves.
    expect((await as().notebooks.get({ id: nb.id })).version).toBe(nb.version);
  });

  it('imports a file, naming the cell number and field of what is wrong', async () => {
    const doc = (cells: unknown[], extra: object = {}) => ({ format: 'throughline-notebook', version: 1, title: 'Imported', cells, ...extra });
    const bad = async (d: unknown) => (await errorOf(as().notebooks.importDoc({ doc: d }))).message;
    expect(await bad(doc([sqlCell('a', 'SELECT 1'), { id: 'b', kind: 'python', code: 'print(1)' }]))).toMatch(/^Cell 2, field "kind": expected "sql" or "markdown"; got "python"/);
    expect(await bad(doc([{ id: 'a', kind: 'markdown', text: 'x' }, { id: 'b', kind: 'sql' }]))).toMatch(/^Cell 2, field "sql"/);
    expect(await bad(doc([{ id: 'a', kind: 'markdown', text: 3 }]))).toMatch(/^Cell 1, field "text"/);
    expect(await bad(doc([sqlCell('a', 'x'), sqlCell('b', 'y'), { ...sqlCell('c', 'z'), chart: { mark: 'pie', x: 'a' } }]))).toMatch(/^Cell 3, field "chart.mark": "pie" is not a mark/);
    expect(await bad(doc([{ ...sqlCell('c', 'z'), chart: { mark: 'bar' } }]))).toMatch(/^Cell 1, field "chart.x"/);
    expect(await bad(doc([{ id: 'has space', kind: 'sql', sql: '' }]))).toMatch(/^Cell 1, field "id"/);
    expect(await bad({ ...doc([]), format: 'jupyter' })).toMatch(/not a Throughline notebook/);
    expect(await bad({ ...doc([]), version: 2 })).toMatch(/version 1/);
    expect(await bad('{ not json')).toMatch(/not JSON/);
    expect(await bad(doc([], { title: '' }))).toMatch(/field "title" is empty/);
    const ok = await as().notebooks.importDoc({ doc: JSON.stringify(doc([sqlCell('a', 'SELECT 1', 'one')])) });
    expect(ok).toMatchObject({ title: 'Imported', owner: 'vera', cells: [sqlCell('a', 'SELECT 1', 'one')] });
  });

  it('exports a notebook as a file that imports back to the same document', async () => {
    const cells: Cell[] = [
      { id: 'intro', kind: 'markdown', text: '# Revenue\nBy **segment**.' },
      { id: 'q1', kind: 'sql', name: 'rev', sql: "SELECT 'KA' AS segment, 10.5 AS revenue -- ünïcode ✓", chart: { mark: 'bar', x: 'segment', y: 'revenue', color: 'segment' } },
      { id: 'q2', kind: 'sql', sql: 'SELECT * FROM rev', chart: null },
    ];
    const nb = await as().notebooks.create({ title: 'Round trip', cells });
    const file = await as().notebooks.exportDoc({ id: nb.id });
    expect(file).toEqual({ format: 'throughline-notebook', version: 1, title: 'Round trip', cells: [cells[0], cells[1], { id: 'q2', kind: 'sql', sql: 'SELECT * FROM rev' }] });
    const back = await as(LOCAL_ADMIN).notebooks.importDoc({ doc: JSON.parse(JSON.stringify(file)) });
    expect(back.id).not.toBe(nb.id);
    expect(back.owner).toBe(LOCAL_ADMIN.id);
    expect(await as().notebooks.exportDoc({ id: back.id })).toEqual(file);
  });

  it('duplicates with new cell ids and the caller as owner, and copies a starter', async () => {
    const nb = await as(otto).notebooks.create({ title: 'Original', cells: [sqlCell('a', 'SELECT 1', 'x')] });
    const copy = await as().notebooks.duplicate({ id: nb.id });
    expect(copy).toMatchObject({ title: 'Copy of Original', owner: 'vera', version: 1 });
    expect(copy.cells).toEqual([{ ...nb.cells[0], id: expect.any(String) }]);
    expect(copy.cells[0].id).not.toBe('a');
    const starters = await as().notebooks.starters();
    expect(starters.map((s) => s.id)).toEqual(['dso-by-segment', 'invoice-latency-by-warehouse', 'common-deviations']);
    for (const s of starters) {
      const made = await as().notebooks.create({ starter: s.id });
      expect(made.title).toBe(s.title);
      expect(made.cells.length).toBeGreaterThan(2);
    }
    expect((await errorOf(as().notebooks.create({ starter: 'nope' }))).code).toBe('NOT_FOUND');
  });

  it('seeds the starters into a store once (the demo), and a deleted one stays deleted', async () => {
    const fresh = await Store.open(':memory:');
    try {
      expect(await seedStarterNotebooks(fresh)).toBe(3);
      const list = await callerFor(fresh, vera).notebooks.list();
      expect(list.map((n) => n.title).sort()).toEqual(['DSO by customer segment', 'Invoice latency by warehouse', 'The most common deviations']);
      expect(list.every((n) => n.owner === 'throughline' && n.cells > 3)).toBe(true);
      await callerFor(fresh, vera).notebooks.remove({ id: list[0].id });
      expect(await seedStarterNotebooks(fresh)).toBe(0);
      expect(await callerFor(fresh, vera).notebooks.list()).toHaveLength(2);
    } finally {
      fresh.close();
    }
  });
});
