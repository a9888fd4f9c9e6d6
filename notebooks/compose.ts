// Named results: a SQL cell may query the result of an EARLIER named SQL cell by its name. The
// statement sent to the sandbox is the cell's own SQL with the results it uses (directly or
// through each other) placed before it as CTEs, in cell order, so the sandbox's gate sees one
// ordinary statement. Only earlier cells are visible, so a cycle cannot be written; a cell's own
// name is not visible to itself (a cell named `cases` can still read the store's `cases` table,
// and a later cell's `cases` then means that result).
import { significant, tokenize, trimStatement, type Token } from './sql-tokens';

/** A cell as composition sees it; markdown cells count for numbering only. */
export interface ComposableCell {
  id: string;
  kind?: 'sql' | 'markdown';
  name?: string | null;
  sql?: string;
}

export class ComposeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComposeError';
  }
}

export interface Composed {
  /** The statement to run. */
  sql: string;
  /** The names of the results placed before it as CTEs, in order. */
  uses: string[];
  /** The cell's number (1-based) in the list given. */
  cellNumber: number;
}

interface Named {
  index: number;
  name: string;
  sql: string;
}

const label = (index: number, name?: string | null) => `cell ${index + 1}${name ? ` (${name})` : ''}`;
const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

/** Words that reference a table or result: `FROM x`, `JOIN x`. */
const TABLE_POSITION = new Set(['from', 'join']);

/** The lower-cased identifiers of `sql` that could name a result, with the word before each. */
function identifiers(sql: string): { word: string; tablePosition: boolean }[] {
  const toks = significant(tokenize(sql));
  const out: { word: string; tablePosition: boolean }[] = [];
  toks.forEach((t: Token, i) => {
    if (t.kind !== 'word') return;
    const prev = toks[i - 1];
    // `x.name` is a column of x, not a result called name.
    if (prev && prev.text === '.') return;
    out.push({ word: t.text.toLowerCase(), tablePosition: !!prev && prev.kind === 'word' && TABLE_POSITION.has(prev.text.toLowerCase()) });
  });
  return out;
}

/** A named result's body, checked to be one statement that fits in parentheses. */
function bodyOf(n: Named): string {
  const body = trimStatement(n.sql);
  const toks = significant(tokenize(body));
  if (toks.length === 0) throw new ComposeError(`${capital(label(n.index, n.name))} is empty; write its query before using ${n.name}.`);
  let depth = 0;
  for (const t of toks) {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    if (depth < 0) throw new ComposeError(`${capital(label(n.index, n.name))} closes a parenthesis it never opened; fix it before using ${n.name}.`);
    if (t.text === ';' && depth === 0) {
      throw new ComposeError(`${capital(label(n.index, n.name))} holds more than one statement; a named result must be one query.`);
    }
  }
  if (depth !== 0) throw new ComposeError(`${capital(label(n.index, n.name))} leaves a parenthesis open; fix it before using ${n.name}.`);
  return body;
}

export function composeCell(cells: readonly ComposableCell[], cellId: string): Composed {
  const index = cells.findIndex((c) => c.id === cellId);
  if (index < 0) throw new ComposeError(`No cell with id "${cellId}" in the notebook.`);
  const target = cells[index];
  if (target.kind === 'markdown' || typeof target.sql !== 'string') throw new ComposeError(`${capital(label(index))} is not a SQL cell.`);

  // Names up to and including the target: a duplicate there is ambiguous.
  const byName = new Map<string, Named>();
  for (let i = 0; i <= index; i++) {
    const c = cells[i];
    if (c.kind === 'markdown' || !c.name) continue;
    const key = c.name.toLowerCase();
    const first = byName.get(key);
    if (first) {
      throw new ComposeError(`${capital(label(first.index, first.name))} and ${label(i, c.name)} have the same name; rename one (result names ignore case).`);
    }
    byName.set(key, { index: i, name: c.name, sql: c.sql ?? '' });
  }
  const later = new Map<string, number>();
  for (let i = index + 1; i < cells.length; i++) {
    const c = cells[i];
    if (c.kind !== 'markdown' && c.name && !byName.has(c.name.toLowerCase()) && !later.has(c.name.toLowerCase())) later.set(c.name.toLowerCase(), i);
  }

  // The results used, directly or through each other; each cell sees only the names above it.
  const needed = new Map<number, Named>();
  const visit = (sql: string, at: number, name: string | null | undefined) => {
    for (const { word, tablePosition } of identifiers(sql)) {
      const n = byName.get(word);
      if (n && n.index < at) {
        if (!needed.has(n.index)) {
          needed.set(n.index, n);
          visit(n.sql, n.index, n.name);
        }
        continue;
      }
      const after = n ? n.index : later.get(word);
      if (after !== undefined && after > at && tablePosition) {
        const user = label(at, name);
        const definer = label(after, n ? n.name : cells[after].name);
        throw new ComposeError(
          `${capital(user)} uses ${n ? n.name : cells[after].name}, the result of ${definer} below it; a cell can only use the results of cells above it. Move ${definer} up.`,
        );
      }
    }
  };
  visit(target.sql, index, target.name);

  const own = trimStatement(target.sql);
  if (needed.size === 0) return { sql: target.sql, uses: [], cellNumber: index + 1 };
  const defs = [...needed.values()].sort((a, b) => a.index - b.index);
  const ctes = defs.map((d) => `"${d.name}" AS (\n${bodyOf(d)}\n)`).join(',\n');
  return { sql: withResults(own, ctes), uses: defs.map((d) => d.name), cellNumber: index + 1 };
}

/** Places the CTEs before the cell's statement: merged into its own WITH, else before it, else around it. */
function withResults(own: string, ctes: string): string {
  const toks = significant(tokenize(own));
  const first = toks[0]?.text.toLowerCase();
  if (first === 'with') {
    const second = toks[1];
    if (second && second.kind === 'word' && second.text.toLowerCase() === 'recursive') {
      return `${own.slice(0, toks[0].start)}WITH RECURSIVE ${ctes},\n${own.slice(second.end).trimStart()}`;
    }
    return `${own.slice(0, toks[0].start)}WITH ${ctes},\n${own.slice(toks[0].end).trimStart()}`;
  }
  // DuckDB accepts a WITH before these (checked: SELECT, FROM-first, VALUES, PIVOT, a parenthesised query).
  if (first && ['select', 'from', 'values', 'pivot', 'unpivot', '('].includes(first)) return `WITH ${ctes}\n${own}`;
  // SUMMARIZE, DESCRIBE, …: as a subquery (the sandbox's gate decides whether they may run).
  return `WITH ${ctes}\nSELECT * FROM (\n${own}\n)`;
}
