// OCEL 2.0 SQLite (.sqlite/.db, optionally .gz: inflated, size-capped, to a temporary file), read
// with better-sqlite3: event, object, event_object, object_object, event_map_type, object_map_type,
// event_<Type>(ocel_id, ocel_time, attrs…), object_<Type>(ocel_id, ocel_time, ocel_changed_field,
// attrs…). An object's rows without ocel_changed_field hold initial values (one attribute row per
// non-NULL column); each row with ocel_changed_field is one change of that field.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestError } from '../types';
import { isGzip, readBytes } from './input';
import { fail, normValue, OcelLog, parseTime, type OcelAttrType, type OcelEvent, type OcelObject, type ReadOptions } from './model';

type SqlRow = Record<string, unknown>;
const RESERVED = new Set(['ocel_id', 'ocel_time', 'ocel_changed_field']);

function sqlType(declared: string): OcelAttrType {
  const t = declared.toUpperCase();
  if (/INT/.test(t)) return 'integer';
  if (/REAL|FLOA|DOUB|NUM|DEC/.test(t)) return 'float';
  if (/BOOL/.test(t)) return 'boolean';
  if (/TIME|DATE/.test(t)) return 'time';
  return 'string';
}

function q(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function readOcelSqlite(path: string, maxBytes: number, opts: ReadOptions = {}): Promise<OcelLog> {
  let file = path;
  let tmp: string | null = null;
  if (isGzip(path)) {
    const bytes = await readBytes(path, maxBytes);
    tmp = mkdtempSync(join(tmpdir(), 'ocel-'));
    file = join(tmp, 'log.sqlite');
    writeFileSync(file, bytes);
  } else {
    let size = 0;
    try {
      size = statSync(path).size;
    } catch (err) {
      throw new IngestError(`${path}: cannot read the file (${(err as Error).message})`, path);
    }
    if (size === 0) throw new IngestError(`${path}: the file is empty`, path);
  }
  let db: Database.Database | null = null;
  try {
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      throw new IngestError(`${path}: not a readable SQLite database (${(err as Error).message})`, path);
    }
    return readDb(db, path, opts);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(`${path}: ${(err as Error).message}`, path);
  } finally {
    db?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

function readDb(db: Database.Database, path: string, opts: ReadOptions): OcelLog {
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  for (const t of ['event', 'object', 'event_object', 'object_object', 'event_map_type', 'object_map_type']) {
    if (!tables.has(t)) throw fail(path, { row: null, field: t }, `missing table "${t}"; not an OCEL 2.0 SQLite file`);
  }
  const columns = (table: string): { name: string; type: string }[] =>
    db.prepare(`PRAGMA table_info(${q(table)})`).all() as { name: string; type: string }[];
  const need = (table: string, cols: string[]): void => {
    const have = new Set(columns(table).map((c) => c.name));
    for (const c of cols) if (!have.has(c)) throw fail(path, { row: null, field: `${table}.${c}` }, `missing column "${c}" in table "${table}"`);
  };
  need('event', ['ocel_id', 'ocel_type']);
  need('object', ['ocel_id', 'ocel_type']);
  need('event_object', ['ocel_event_id', 'ocel_object_id', 'ocel_qualifier']);
  need('object_object', ['ocel_source_id', 'ocel_target_id', 'ocel_qualifier']);
  need('event_map_type', ['ocel_type', 'ocel_type_map']);
  need('object_map_type', ['ocel_type', 'ocel_type_map']);

  const log = new OcelLog(path);
  const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

  // Types and their attribute tables.
  const typeTables = (kind: 'event' | 'object'): Map<string, string> => {
    const out = new Map<string, string>();
    for (const r of db.prepare(`SELECT rowid AS rid, ocel_type, ocel_type_map FROM ${kind}_map_type`).all() as SqlRow[]) {
      const table = `${kind}_${str(r.ocel_type_map)}`;
      if (!tables.has(table)) throw fail(path, { row: Number(r.rid), field: `${kind}_map_type` }, `missing table "${table}" for ${kind} type "${str(r.ocel_type)}"`);
      need(table, kind === 'event' ? ['ocel_id', 'ocel_time'] : ['ocel_id', 'ocel_time']);
      const attrs = columns(table).filter((c) => !RESERVED.has(c.name)).map((c): [string, OcelAttrType] => [c.name, sqlType(c.type)]);
      log.declare(kind, str(r.ocel_type), attrs);
      out.set(str(r.ocel_type), table);
    }
    return out;
  };
  const eventTables = typeTables('event');
  const objectTables = typeTables('object');

  const objects = new Map<string, OcelObject>();
  for (const r of db.prepare('SELECT rowid AS rid, ocel_id, ocel_type FROM object ORDER BY rowid').all() as SqlRow[]) {
    const o: OcelObject = { id: str(r.ocel_id), type: str(r.ocel_type), attrs: [], rels: [], where: { row: Number(r.rid), field: 'object' } };
    if (!objectTables.has(o.type)) throw fail(path, o.where, `object type "${o.type}" is not in object_map_type`);
    log.objects.push(o);
    objects.set(o.id, o);
  }
  const events = new Map<string, OcelEvent>();
  for (const r of db.prepare('SELECT rowid AS rid, ocel_id, ocel_type FROM event ORDER BY rowid').all() as SqlRow[]) {
    const e: OcelEvent = { id: str(r.ocel_id), type: str(r.ocel_type), time: NaN, attrs: {}, rels: [], where: { row: Number(r.rid), field: 'event' } };
    if (!eventTables.has(e.type)) throw fail(path, e.where, `event type "${e.type}" is not in event_map_type`);
    log.events.push(e);
    events.set(e.id, e);
  }

  for (const [type, table] of eventTables) {
    const decl = log.eventTypes.get(type) ?? new Map<string, OcelAttrType>();
    for (const r of db.prepare(`SELECT rowid AS rid, * FROM ${q(table)} ORDER BY rowid`).all() as SqlRow[]) {
      const where = { row: Number(r.rid), field: `${table}.ocel_time` };
      const e = events.get(str(r.ocel_id));
      if (!e || e.type !== type) throw fail(path, { ...where, field: `${table}.ocel_id` }, `row for unknown ${type} event "${str(r.ocel_id)}"`);
      e.time = parseTime(str(r.ocel_time), path, where, opts);
      for (const [name, t] of decl) {
        const v = normValue(r[name], t, path, { row: where.row, field: `${table}.${name}` }, opts);
        if (v !== null) e.attrs[name] = v;
      }
    }
  }
  for (const e of log.events) {
    if (Number.isNaN(e.time)) throw fail(path, e.where, `event "${e.id}" has no row in ${eventTables.get(e.type)} (no time)`);
  }

  for (const [type, table] of objectTables) {
    const decl = log.objectTypes.get(type) ?? new Map<string, OcelAttrType>();
    const hasChanged = columns(table).some((c) => c.name === 'ocel_changed_field');
    const rows = db.prepare(`SELECT rowid AS rid, * FROM ${q(table)} ORDER BY rowid`).all() as SqlRow[];
    for (const r of rows) {
      const where = { row: Number(r.rid), field: `${table}.ocel_time` };
      const o = objects.get(str(r.ocel_id));
      if (!o || o.type !== type) throw fail(path, { ...where, field: `${table}.ocel_id` }, `row for unknown ${type} object "${str(r.ocel_id)}"`);
      const time = parseTime(str(r.ocel_time), path, where, opts);
      const changed = hasChanged ? r.ocel_changed_field : null;
      const fields = changed === null || changed === undefined || changed === '' ? [...decl.keys()] : String(changed).split(',').map((s) => s.trim());
      for (const name of fields) {
        if (!decl.has(name)) throw fail(path, { row: where.row, field: `${table}.ocel_changed_field` }, `changed field "${name}" is not a column`);
        const v = normValue(r[name], decl.get(name), path, { row: where.row, field: `${table}.${name}` }, opts);
        if (v !== null) o.attrs.push({ name, time, value: v });
      }
    }
  }

  for (const r of db.prepare('SELECT rowid AS rid, * FROM event_object ORDER BY rowid').all() as SqlRow[]) {
    const e = events.get(str(r.ocel_event_id));
    if (!e) throw fail(path, { row: Number(r.rid), field: 'event_object.ocel_event_id' }, `unknown event "${str(r.ocel_event_id)}"`);
    e.rels.push([str(r.ocel_object_id), str(r.ocel_qualifier)]);
  }
  for (const r of db.prepare('SELECT rowid AS rid, * FROM object_object ORDER BY rowid').all() as SqlRow[]) {
    const o = objects.get(str(r.ocel_source_id));
    if (!o) throw fail(path, { row: Number(r.rid), field: 'object_object.ocel_source_id' }, `unknown object "${str(r.ocel_source_id)}"`);
    o.rels.push([str(r.ocel_target_id), str(r.ocel_qualifier)]);
  }
  log.check();
  return log;
}
