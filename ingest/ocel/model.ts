// The OCEL 2.0 log as the three readers (JSON, XML, SQLite) produce it, before it is written to the
// canonical tables (load.ts). Values are normalised by their declared attribute type so that the
// same log read from any encoding gives the same records; times are UTC epoch ms.
import { localToUtc } from '../common/time';
import { IngestError } from '../types';

export type OcelValue = string | number | boolean;
export type OcelAttrType = 'string' | 'float' | 'integer' | 'boolean' | 'time';

/** Where in the file a record is: a row number (JSON/XML: 1-based record index or line; SQLite: rowid) and a field path. */
export interface Where {
  row: number | null;
  field: string | null;
}

export interface OcelObjectAttr {
  name: string;
  time: number;
  value: OcelValue;
}

export interface OcelEvent {
  id: string;
  type: string;
  time: number;
  attrs: Record<string, OcelValue>;
  rels: [objectId: string, qualifier: string][];
  where: Where;
}

export interface OcelObject {
  id: string;
  type: string;
  attrs: OcelObjectAttr[];
  rels: [targetId: string, qualifier: string][];
  where: Where;
}

export interface ReadOptions {
  /** Zone for timestamps without offset (pm4py writes XML/SQLite times as local wall-clock time). Default UTC. */
  naiveTimeZone?: string;
}

/** Declared attribute types: type name -> attribute name -> type. */
export type TypeDecls = Map<string, Map<string, OcelAttrType>>;

const ATTR_TYPES = new Set<string>(['string', 'float', 'integer', 'boolean', 'time']);

export function attrType(raw: unknown, file: string, where: Where): OcelAttrType {
  const t = typeof raw === 'string' ? raw.toLowerCase() : '';
  if (t === 'int') return 'integer';
  if (t === 'double' || t === 'number') return 'float';
  if (t === 'date' || t === 'datetime' || t === 'timestamp') return 'time';
  if (!ATTR_TYPES.has(t)) throw fail(file, where, `unknown attribute type ${JSON.stringify(raw)}`);
  return t as OcelAttrType;
}

export function fail(file: string, where: Where, reason: string): IngestError {
  const at = [where.row !== null ? `row ${where.row}` : '', where.field ?? ''].filter(Boolean).join(', ');
  return new IngestError(`${file}${at ? ` (${at})` : ''}: ${reason}`, file, where.row, where.field);
}

const TIME_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const dt = new Date(0);
  dt.setUTCFullYear(y, mo - 1, d);
  dt.setUTCHours(h, mi, s, 0);
  return dt.getTime();
}

/** An ISO-8601 timestamp to UTC epoch ms; impossible dates and times are errors. */
export function parseTime(raw: unknown, file: string, where: Where, opts: ReadOptions): number {
  if (typeof raw !== 'string') throw fail(file, where, `timestamp expected, got ${JSON.stringify(raw)}`);
  const m = TIME_RE.exec(raw.trim());
  if (!m) throw fail(file, where, `not an ISO-8601 timestamp: ${JSON.stringify(raw)}`);
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    throw fail(file, where, `impossible timestamp ${JSON.stringify(raw)}`);
  }
  const off = m[8];
  if (off === undefined) {
    const zone = opts.naiveTimeZone ?? 'UTC';
    if (zone === 'UTC' || y < 100) return utcMs(y, mo, d, h, mi, s) + frac;
    return localToUtc(y, mo, d, h, mi, s, zone) + frac;
  }
  let offMin = 0;
  if (off.toUpperCase() !== 'Z') {
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 18 || om > 59) throw fail(file, where, `impossible time zone offset in ${JSON.stringify(raw)}`);
    offMin = (off[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return utcMs(y, mo, d, h, mi, s) + frac - offMin * 60000;
}

/** Normalises an attribute value to its declared type (undeclared: as given). `null` = no value. */
export function normValue(
  raw: unknown,
  type: OcelAttrType | undefined,
  file: string,
  where: Where,
  opts: ReadOptions,
): OcelValue | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'bigint') raw = Number(raw);
  if (typeof raw === 'object') throw fail(file, where, `attribute value must be a scalar, got ${JSON.stringify(raw)}`);
  switch (type) {
    case 'float':
    case 'integer': {
      if (raw === '') return null;
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : NaN;
      if (!Number.isFinite(n)) throw fail(file, where, `${type} expected, got ${JSON.stringify(raw)}`);
      return n;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const t = String(raw).trim().toLowerCase();
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
      if (t === '') return null;
      throw fail(file, where, `boolean expected, got ${JSON.stringify(raw)}`);
    }
    case 'time':
      if (raw === '') return null;
      return new Date(parseTime(String(raw), file, where, opts)).toISOString();
    case 'string':
      return typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : (raw as string);
    default:
      return raw as OcelValue;
  }
}

/** The parsed log plus the declared types; `check` validates ids and references. */
export class OcelLog {
  readonly events: OcelEvent[] = [];
  readonly objects: OcelObject[] = [];
  readonly eventTypes: TypeDecls = new Map();
  readonly objectTypes: TypeDecls = new Map();

  constructor(readonly file: string) {}

  declare(kind: 'event' | 'object', type: string, attrs: [string, OcelAttrType][]): void {
    const map = kind === 'event' ? this.eventTypes : this.objectTypes;
    const m = map.get(type) ?? new Map<string, OcelAttrType>();
    for (const [n, t] of attrs) m.set(n, t);
    map.set(type, m);
  }

  /** Duplicate ids, relations to unknown objects and undeclared types are errors (OCEL 2.0 requires them). */
  check(): void {
    const objIds = new Set<string>();
    for (const o of this.objects) {
      if (!o.id) throw fail(this.file, o.where, 'object without id');
      if (!o.type) throw fail(this.file, o.where, `object ${o.id} without type`);
      if (objIds.has(o.id)) throw fail(this.file, o.where, `duplicate object id ${JSON.stringify(o.id)}`);
      objIds.add(o.id);
      if (!this.objectTypes.has(o.type)) this.objectTypes.set(o.type, new Map());
    }
    const evIds = new Set<string>();
    for (const e of this.events) {
      if (!e.id) throw fail(this.file, e.where, 'event without id');
      if (!e.type) throw fail(this.file, e.where, `event ${e.id} without type`);
      if (evIds.has(e.id)) throw fail(this.file, e.where, `duplicate event id ${JSON.stringify(e.id)}`);
      evIds.add(e.id);
      if (!this.eventTypes.has(e.type)) this.eventTypes.set(e.type, new Map());
      for (const [oid] of e.rels) {
        if (!objIds.has(oid)) throw fail(this.file, e.where, `event ${e.id} relates to unknown object ${JSON.stringify(oid)}`);
      }
    }
    for (const o of this.objects) {
      for (const [tid] of o.rels) {
        if (!objIds.has(tid)) throw fail(this.file, o.where, `object ${o.id} relates to unknown object ${JSON.stringify(tid)}`);
      }
    }
  }
}
