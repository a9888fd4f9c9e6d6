// Writing notebooks into the store (the router's create/import/duplicate, and the demo's seeding).
// The only part of notebooks/ that touches the store; SQL in sql/queries/notebooks/.
import { randomBytes } from 'node:crypto';
import type { Store, Tx } from '../sql';
import { starters } from './starters';
import type { Cell, Notebook } from './types';

/** Short, random, URL-safe. */
export const newNotebookId = () => randomBytes(9).toString('base64url');
export const newCellId = () => randomBytes(6).toString('base64url');

interface Row {
  id: string;
  title: string;
  owner: string;
  cells: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export function toNotebook(r: Row): Notebook {
  return { id: r.id, title: r.title, owner: r.owner, createdAt: r.created_at, updatedAt: r.updated_at, version: r.version, cells: JSON.parse(r.cells) as Cell[] };
}

/** Reads one notebook; null when there is none with that id. */
export async function readNotebook(s: Pick<Store, 'query'> | Tx, id: string): Promise<Notebook | null> {
  const [row] = await s.query<Row>('notebooks/get', { id });
  return row ? toNotebook(row) : null;
}

function insertIn(tx: Tx, id: string, owner: string, doc: { title: string; cells: Cell[] }): Promise<unknown> {
  return tx.query('notebooks/insert', { id, title: doc.title, owner, cells: JSON.stringify(doc.cells), cell_count: doc.cells.length });
}

/** Stores a new notebook (title and cells already checked) and returns it as stored. */
export function insertNotebook(store: Store, owner: string, doc: { title: string; cells: Cell[] }): Promise<Notebook> {
  const id = newNotebookId();
  return store.transaction(async (tx) => {
    await insertIn(tx, id, owner, doc);
    return (await readNotebook(tx, id))!;
  });
}

/** The cells of a copy get new ids, so two copies never share ids in a page's state. */
export const withFreshIds = (cells: Cell[]): Cell[] => cells.map((c) => ({ ...c, id: newCellId() }));

/**
 * Copies every starter notebook into the store once (the demo calls it after loading its data);
 * later calls do nothing, so notebooks a user deleted stay deleted. Returns how many it added.
 */
export async function seedStarterNotebooks(store: Store, owner = 'throughline'): Promise<number> {
  return store.transaction(async (tx) => {
    if ((await tx.query('notebooks/starters-seeded')).length > 0) return 0;
    const all = starters();
    for (const s of all) await insertIn(tx, newNotebookId(), owner, { title: s.doc.title, cells: withFreshIds(s.doc.cells) });
    await tx.query('notebooks/mark-starters-seeded');
    return all.length;
  });
}
