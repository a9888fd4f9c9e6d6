// Writes a log of the store as an OCEL 2.0 SQLite file (better-sqlite3): event, object,
// event_object, object_object, event_map_type, object_map_type, event_<Type>, object_<Type>.
// An object's attribute entries at 1970-01-01 go into its first row (ocel_changed_field NULL;
// every object gets one, possibly all NULL); every later entry is a row of its own naming the
// changed field. Times are ISO-8601 UTC text. Mapping: export-common.ts.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from '../../sql';
import { countsOf, readLogForExport, type ExportCounts } from './export-common';
import type { OcelAttrType, OcelValue } from './model';

const SQL_TYPES: Record<OcelAttrType, string> = { string: 'TEXT', float: 'REAL', integer: 'INTEGER', boolean: 'BOOLEAN', time: 'TIMESTAMP' };
const RESERVED = new Set(['ocel_id', 'ocel_time', 'ocel_changed_field', 'rowid']);

function q(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** pm4py's table-name mapping: the type name without non-alphanumerics, made unique. */
function mapNames(types: Iterable<string>): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const t of types) {
    const base = t.replace(/[^A-Za-z0-9_]/g, '') || 'type';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}${i}`;
    used.add(name.toLowerCase());
    out.set(t, name);
  }
  return out;
}

function sqlValue(v: OcelValue | undefined): string | number | null {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export async function exportOcelSqlite(store: Store, logId: string, outPath: string): Promise<ExportCounts & { path: string }> {
  const log = await readLogForExport(store, logId);
  mkdirSync(dirname(outPath), { recursive: true });
  if (existsSync(outPath)) rmSync(outPath);
  const db = new Database(outPath);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(`
      CREATE TABLE event_map_type (ocel_type TEXT PRIMARY KEY, ocel_type_map TEXT);
      CREATE TABLE object_map_type (ocel_type TEXT PRIMARY KEY, ocel_type_map TEXT);
      CREATE TABLE event (ocel_id TEXT PRIMARY KEY, ocel_type TEXT REFERENCES event_map_type(ocel_type));
      CREATE TABLE object (ocel_id TEXT PRIMARY KEY, ocel_type TEXT REFERENCES object_map_type(ocel_type));
      CREATE TABLE event_object (ocel_event_id TEXT, ocel_object_id TEXT, ocel_qualifier TEXT,
        PRIMARY KEY (ocel_event_id, ocel_object_id, ocel_qualifier));
      CREATE TABLE object_object (ocel_source_id TEXT, ocel_target_id TEXT, ocel_qualifier TEXT,
        PRIMARY KEY (ocel_source_id, ocel_target_id, ocel_qualifier));
    `);
    const evMap = mapNames(log.eventTypes.keys());
    const obMap = mapNames(log.objectTypes.keys());
    const columnsOf = (attrs: Map<string, OcelAttrType>): [string, OcelAttrType][] => [...attrs].filter(([n]) => !RESERVED.has(n.toLowerCase()));
    const write = db.transaction(() => {
      const insEvMap = db.prepare('INSERT INTO event_map_type VALUES (?, ?)');
      const insObMap = db.prepare('INSERT INTO object_map_type VALUES (?, ?)');
      const evIns = new Map<string, { stmt: Database.Statement; cols: string[] }>();
      for (const [type, attrs] of log.eventTypes) {
        const table = `event_${evMap.get(type)}`;
        const cols = columnsOf(attrs);
        db.exec(`CREATE TABLE ${q(table)} (ocel_id TEXT PRIMARY KEY, ocel_time TIMESTAMP${cols.map(([n, t]) => `, ${q(n)} ${SQL_TYPES[t]}`).join('')})`);
        insEvMap.run(type, evMap.get(type));
        evIns.set(type, {
          stmt: db.prepare(`INSERT INTO ${q(table)} VALUES (?, ?${', ?'.repeat(cols.length)})`),
          cols: cols.map(([n]) => n),
        });
      }
      const obIns = new Map<string, { stmt: Database.Statement; cols: string[] }>();
      for (const [type, attrs] of log.objectTypes) {
        const table = `object_${obMap.get(type)}`;
        const cols = columnsOf(attrs);
        db.exec(
          `CREATE TABLE ${q(table)} (ocel_id TEXT, ocel_time TIMESTAMP, ocel_changed_field TEXT${cols.map(([n, t]) => `, ${q(n)} ${SQL_TYPES[t]}`).join('')})`,
        );
        insObMap.run(type, obMap.get(type));
        obIns.set(type, {
          stmt: db.prepare(`INSERT INTO ${q(table)} VALUES (?, ?, ?${', ?'.repeat(cols.length)})`),
          cols: cols.map(([n]) => n),
        });
      }
      const insEv = db.prepare('INSERT INTO event VALUES (?, ?)');
      const insOb = db.prepare('INSERT INTO object VALUES (?, ?)');
      const insEo = db.prepare('INSERT OR IGNORE INTO event_object VALUES (?, ?, ?)');
      const insOo = db.prepare('INSERT OR IGNORE INTO object_object VALUES (?, ?, ?)');
      for (const o of log.objects) {
        insOb.run(o.id, o.type);
        const t = obIns.get(o.type);
        if (!t) continue;
        const initial = new Map<string, OcelValue>();
        const later: { name: string; time: number; value: OcelValue }[] = [];
        for (const a of o.attrs) {
          if (a.time === 0 && !initial.has(a.name)) initial.set(a.name, a.value);
          else later.push(a);
        }
        t.stmt.run(o.id, iso(0), null, ...t.cols.map((c) => sqlValue(initial.get(c))));
        for (const a of later) t.stmt.run(o.id, iso(a.time), a.name, ...t.cols.map((c) => (c === a.name ? sqlValue(a.value) : null)));
        for (const [target, qualifier] of o.rels) insOo.run(o.id, target, qualifier);
      }
      for (const e of log.events) {
        insEv.run(e.id, e.type);
        const t = evIns.get(e.type);
        if (t) t.stmt.run(e.id, iso(e.time), ...t.cols.map((c) => sqlValue(e.attrs[c])));
        for (const [oid, qualifier] of e.rels) insEo.run(e.id, oid, qualifier);
      }
    });
    write();
  } finally {
    db.close();
  }
  return { path: outPath, ...countsOf(log) };
}
