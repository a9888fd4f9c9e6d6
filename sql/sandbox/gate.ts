// The gate: analyst SQL must be ONE read-only query over the analyst tables. Defence in depth in
// front of the locked, read-only sandbox instance (sql/README.md "Sandbox"): the instance alone
// would already refuse file access, writes to the snapshot and settings changes; the gate refuses
// them earlier with a message that says why, and also what the instance would allow (temp tables,
// SET search_path, catalog and settings functions, tables by names outside the allowlist).
//
// How: DuckDB parses the text (extractStatements counts statements, so one hidden after a
// semicolon or a comment is seen), json_serialize_sql gives the query's syntax tree (it serialises
// SELECT statements only, so every other statement kind is refused), and the walk below checks
// each table reference, table function and function call in it.
import type { DuckDBConnection } from '@duckdb/node-api';
import { AMPLIFIERS, AMPLIFY_MAX, ANALYST_TABLES, DENIED_FUNCTIONS, RESERVED_NAME, TABLE_FUNCTIONS, tableFunctionRefusal } from './allowlist';
import { SqlRefusedError } from './errors';

type Json = Record<string, unknown>;

export interface GateContext {
  /** Table and view names the snapshot holds (defaults to the allowlist). */
  tables: ReadonlySet<string>;
  /** Macro names the snapshot holds (the process operators). */
  macros: ReadonlySet<string>;
}

export const DEFAULT_GATE_CONTEXT: GateContext = {
  tables: new Set(Object.keys(ANALYST_TABLES)),
  macros: new Set(['tl_trace', 'tl_dfg', 'tl_variants', 'tl_cases', 'tl_case_durations']),
};

/** Throws SqlRefusedError unless `sql` is one query the sandbox may run. */
export async function gate(conn: DuckDBConnection, sql: string, ctx: GateContext = DEFAULT_GATE_CONTEXT): Promise<void> {
  if (!stripComments(sql).trim().replace(/;/g, '').trim()) throw new SqlRefusedError('The cell holds no statement.');
  let extracted: Awaited<ReturnType<DuckDBConnection['extractStatements']>>;
  try {
    extracted = await conn.extractStatements(sql);
  } catch (err) {
    // IMPORT DATABASE reads its folder while being parsed; the gate's locked instance refuses.
    if (/Permission Error|file system operations are disabled/i.test((err as Error).message)) {
      throw new SqlRefusedError(`${firstKeyword(sql)} statements cannot run in a notebook: they read files, and notebooks run read-only queries.`);
    }
    throw err;
  }
  if (extracted.count !== 1) {
    throw new SqlRefusedError(
      `Notebooks run one statement at a time; this text holds ${extracted.count} (a second one after a semicolon?). Split them into cells.`,
    );
  }
  const reader = await conn.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR)', [sql]);
  const tree = JSON.parse(String(reader.getRows()[0][0])) as Json;
  if (tree.error) {
    const kind = firstKeyword(sql);
    throw new SqlRefusedError(
      `${kind} statements cannot run in a notebook: notebooks run read-only queries (SELECT, WITH … SELECT, FROM …, VALUES, DESCRIBE, SUMMARIZE).`,
    );
  }
  const statements = tree.statements as Json[];
  if (statements.length !== 1) throw new SqlRefusedError(`Notebooks run one statement at a time; this text holds ${statements.length}.`);
  walk(statements[0], [], ctx);
}

/** The statement's first word (after comments and brackets), for messages. */
export function firstKeyword(sql: string): string {
  const m = /^[\s(]*([A-Za-z_]+)/.exec(stripComments(sql));
  return m ? m[1].toUpperCase() : 'This';
}

function stripComments(sql: string): string {
  return sql.replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ').replace(/--[^\n]*/g, ' ');
}

/** Walks the syntax tree; `scopes` holds the CTE names visible at this point. */
function walk(node: unknown, scopes: string[][], ctx: GateContext): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, scopes, ctx);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Json;

  let inner = scopes;
  const cteMap = (o.cte_map as { map?: { key: string; value: unknown }[] } | undefined)?.map;
  if (cteMap?.length) {
    const names = cteMap.map((e) => e.key.toLowerCase());
    for (const n of names) {
      if (RESERVED_NAME.test(n)) throw new SqlRefusedError(`A WITH name may not start like a system name (${n}); pick another name.`);
    }
    inner = [...scopes, names];
  }

  if (o.type === 'TABLE_FUNCTION') {
    const fn = o.function as Json;
    checkTableFunction(fn, ctx);
    walk(fn.children, inner, ctx);
    walkRest(o, ['function'], inner, ctx);
    return;
  }
  if (o.type === 'BASE_TABLE') {
    checkTable(o, inner, ctx);
    walkRest(o, [], inner, ctx);
    return;
  }
  if (o.type === 'SHOW_REF') {
    const kind = String(o.show_type);
    if (!o.query || (kind !== 'SUMMARY' && kind !== 'DESCRIBE')) {
      throw new SqlRefusedError('SHOW lists the database catalog; the schema panel lists the analyst tables and macros (DESCRIBE <table> and SUMMARIZE <table> work).');
    }
  }
  if (o.class === 'FUNCTION') checkFunction(o);
  walkRest(o, [], inner, ctx);
}

function walkRest(o: Json, skip: string[], scopes: string[][], ctx: GateContext): void {
  for (const [k, v] of Object.entries(o)) if (!skip.includes(k) && v && typeof v === 'object') walk(v, scopes, ctx);
}

function checkTableFunction(fn: Json, ctx: GateContext): void {
  const name = String(fn.function_name).toLowerCase();
  if (fn.catalog || fn.schema) {
    if (!(TABLE_FUNCTIONS.has(name) || ctx.macros.has(name)) || !isMainQualifier(fn.catalog, fn.schema)) {
      throw new SqlRefusedError(`${qualified(fn.catalog, fn.schema, name)}(…): call table functions without a catalog or schema.`);
    }
  }
  if (TABLE_FUNCTIONS.has(name) || ctx.macros.has(name)) return;
  throw new SqlRefusedError(`${tableFunctionRefusal(name)}.`);
}

function checkTable(o: Json, scopes: string[][], ctx: GateContext): void {
  const name = String(o.table_name);
  const lower = name.toLowerCase();
  const catalog = String(o.catalog_name ?? '');
  const schema = String(o.schema_name ?? '');
  if (!catalog && !schema && scopes.some((s) => s.includes(lower))) return; // a WITH name in scope
  if (/[/\\.]/.test(name) || /^[a-z]+:\/\//i.test(name)) {
    throw new SqlRefusedError(`FROM '${name}' reads a file; notebooks cannot read files.`);
  }
  if (!ctx.tables.has(lower)) {
    throw new SqlRefusedError(
      `${qualified(catalog, schema, name)} is not an analyst table; notebooks see ${[...ctx.tables].sort().join(', ')} and the earlier cells' named results.`,
    );
  }
  if ((catalog || schema) && !isMainQualifier(catalog, schema)) {
    throw new SqlRefusedError(`${qualified(catalog, schema, name)}: write analyst tables without a catalog or schema (just ${name}).`);
  }
}

/** `main.x` is the snapshot's own schema; any catalog name or other schema is refused. */
function isMainQualifier(catalog: unknown, schema: unknown): boolean {
  return !catalog && (!schema || String(schema).toLowerCase() === 'main');
}

function qualified(catalog: unknown, schema: unknown, name: string): string {
  return [catalog, schema, name].filter(Boolean).join('.');
}

function checkFunction(o: Json): void {
  const name = String(o.function_name).toLowerCase();
  const why = DENIED_FUNCTIONS[name];
  if (why) throw new SqlRefusedError(`${name}() ${why}; notebooks cannot call it.`);
  if (/^(read_|duckdb_|pragma_)/.test(name) || name === 'glob' || name === 'query' || name === 'query_table') {
    throw new SqlRefusedError(`${tableFunctionRefusal(name)}.`);
  }
  if (o.catalog || (o.schema && String(o.schema).toLowerCase() !== 'main')) {
    throw new SqlRefusedError(`${qualified(o.catalog, o.schema, name)}(): call functions without a catalog or schema.`);
  }
  if (name in AMPLIFIERS) checkAmplifier(name, (o.children as Json[]) ?? []);
}

const bound = AMPLIFY_MAX.toLocaleString('en-US');

/** See AMPLIFIERS: the size must be a literal within bounds, and such calls are not nested. */
function checkAmplifier(name: string, args: Json[]): void {
  const refuse = (what: string) =>
    new SqlRefusedError(
      `${name}() ${what}: it builds its whole result in one step that the time limit cannot interrupt, so notebooks allow ${name}() with literal sizes up to ${bound} (FROM range(…) as a table streams any size).`,
    );
  const spec = AMPLIFIERS[name];
  if (spec === 'all') {
    const nums = args.map(literalNumber);
    if (nums.some((n) => n === null)) throw refuse('with a size that is not a literal number');
    const [a, b, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
    if (step === 0 || Math.abs((b - a) / step) > AMPLIFY_MAX) throw refuse(`of ${Math.floor(Math.abs((b - a) / (step || 1))).toLocaleString('en-US')} elements`);
    return;
  }
  const size = literalNumber(args[spec]);
  if (size === null) throw refuse('with a size that is not a literal number');
  if (size > AMPLIFY_MAX) throw refuse(`of ${size.toLocaleString('en-US')}`);
  if (args[0] && containsAmplifier(args[0])) throw refuse('inside another such call');
}

function literalNumber(node: Json | undefined): number | null {
  if (!node) return null;
  if (node.class === 'CAST') return literalNumber(node.child as Json);
  if (node.class !== 'CONSTANT') return null;
  const v = (node.value as { is_null?: boolean; value?: unknown }) ?? {};
  const n = Number(v.value);
  return v.is_null || !Number.isFinite(n) ? null : n;
}

function containsAmplifier(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(containsAmplifier);
  if (!node || typeof node !== 'object') return false;
  const o = node as Json;
  if (o.class === 'FUNCTION' && String(o.function_name).toLowerCase() in AMPLIFIERS) return true;
  return Object.values(o).some((v) => v && typeof v === 'object' && containsAmplifier(v));
}
