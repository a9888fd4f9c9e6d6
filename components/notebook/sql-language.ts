// The editor's SQL: a DuckDB-flavoured dialect for highlighting and keyword completion, and the
// completion of the store's tables and columns, the process-mining macros and the names of
// earlier cells' results. Pure configuration (no DOM).
import { snippetCompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { PostgreSQL, SQLDialect, sql, type SQLNamespace } from '@codemirror/lang-sql';
import type { Extension } from '@codemirror/state';

/** The shape of `notebooks.schema()` (the sandbox's SandboxSchema). */
export interface EditorSchema {
  tables: readonly { name: string; kind: 'table' | 'view'; description?: string; columns: readonly { name: string; type: string }[] }[];
  macros: readonly { name: string; kind: 'table' | 'scalar'; parameters: readonly string[]; description?: string }[];
}

/** An earlier cell's named result: its name, which cell, and its columns once it has run. */
export interface NamedResult {
  name: string;
  cell: number;
  columns?: readonly { name: string; type: string }[];
}

const DUCKDB_KEYWORDS =
  'qualify pivot unpivot summarize describe asof positional exclude replace columns anti semi struct_pack list_value ilike glob similar lambda macro sample using tablesample';
const DUCKDB_TYPES = 'hugeint uhugeint ubigint uinteger usmallint utinyint tinyint list struct map union uuid blob timestamptz timestamp_s timestamp_ms timestamp_ns varchar';

/** PostgreSQL's grammar with DuckDB's extra keywords and types. */
export const DuckDBDialect = SQLDialect.define({
  ...PostgreSQL.spec,
  keywords: `${PostgreSQL.spec.keywords ?? ''} ${DUCKDB_KEYWORDS}`,
  types: `${PostgreSQL.spec.types ?? ''} ${DUCKDB_TYPES}`,
});

/** The schema namespace lang-sql completes from: tables (and results) with their columns. */
export function completionNamespace(schema: EditorSchema | null, results: readonly NamedResult[]): SQLNamespace {
  const ns: Record<string, SQLNamespace> = {};
  for (const t of schema?.tables ?? []) {
    ns[t.name] = {
      self: { label: t.name, type: 'type', detail: t.kind, info: t.description },
      children: t.columns.map((c): Completion => ({ label: c.name, type: 'property', detail: c.type.toLowerCase() })),
    };
  }
  for (const r of results) {
    ns[r.name] = {
      self: { label: r.name, type: 'variable', detail: `result of cell ${r.cell}`, boost: 10 },
      children: (r.columns ?? []).map((c): Completion => ({ label: c.name, type: 'property', detail: c.type.toLowerCase() })),
    };
  }
  return ns;
}

/** The macros as snippets: `tl_dfg(log, persp)` with the parameters to fill in. */
export function macroCompletions(schema: EditorSchema | null): Completion[] {
  return (schema?.macros ?? []).map((m) =>
    snippetCompletion(`${m.name}(${m.parameters.map((p) => `\${${p}}`).join(', ')})`, {
      label: m.name,
      type: 'function',
      detail: `(${m.parameters.join(', ')}) ${m.kind === 'table' ? 'table macro' : 'macro'}`,
      info: m.description,
      boost: 5,
    }),
  );
}

/** SQL support for one editor: the dialect, keyword and schema completion, and the macros. */
export function sqlSupport(schema: EditorSchema | null, results: readonly NamedResult[]): Extension {
  const macros = macroCompletions(schema);
  const macroSource = (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/\w+/);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    return { from: word.from, options: macros, validFor: /^\w*$/ };
  };
  return [
    sql({ dialect: DuckDBDialect, schema: completionNamespace(schema, results), upperCaseKeywords: true }),
    DuckDBDialect.language.data.of({ autocomplete: macroSource }),
  ];
}
