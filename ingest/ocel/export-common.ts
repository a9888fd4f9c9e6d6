// Reads any log of the store (an OCEL import, the O2C log, an XES log) as an OCEL 2.0 log for the
// exporters: event types from activity, object types from object_type, event attributes from
// events.attrs plus the user/amount/currency columns when set, object attributes from the
// attribute history (object_changes) and the current attributes (objects.attrs):
//  - per field with history: its value before the first change (old_value) at 1970-01-01 if the
//    first change is later than that, then each change at its time;
//  - per field without history: its current value at 1970-01-01.
// Attribute types: float/boolean/string by the JSON type of the current values (a field whose
// history holds non-numbers becomes string).
import type { Store } from '../../sql';
import { IngestError } from '../types';
import type { OcelAttrType, OcelEvent, OcelObject, OcelValue } from './model';

export interface ExportLog {
  events: OcelEvent[];
  objects: OcelObject[];
  eventTypes: Map<string, Map<string, OcelAttrType>>;
  objectTypes: Map<string, Map<string, OcelAttrType>>;
}

type JsonScalar = string | number | boolean | null;

function parseAttrs(text: string | null): Record<string, unknown> {
  if (!text) return {};
  const v = JSON.parse(text) as unknown;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function scalar(v: unknown): JsonScalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

function typeOf(v: OcelValue): OcelAttrType {
  return typeof v === 'number' ? 'float' : typeof v === 'boolean' ? 'boolean' : 'string';
}

function widen(types: Map<string, OcelAttrType>, name: string, t: OcelAttrType): void {
  const had = types.get(name);
  types.set(name, had === undefined || had === t ? t : 'string');
}

function typed(text: string, t: OcelAttrType | undefined): OcelValue {
  if (t === 'float' || t === 'integer') return Number(text);
  if (t === 'boolean') return text === 'true';
  return text;
}

export async function readLogForExport(store: Store, logId: string): Promise<ExportLog> {
  const [log] = await store.query('ocel/log_exists', { log_id: logId });
  if (!log) throw new IngestError(`no log "${logId}" in the store`, logId);
  const eventTypes = new Map<string, Map<string, OcelAttrType>>();
  const objectTypes = new Map<string, Map<string, OcelAttrType>>();

  const eventRows = await store.query<{
    event_id: string; activity: string; ts_ms: number; attrs: string | null;
    user_id: string | null; user_type: string | null; amount: number | null; currency: string | null;
  }>('ocel/export_events', { log_id: logId });
  const events: OcelEvent[] = [];
  const byEvent = new Map<string, OcelEvent>();
  for (const r of eventRows) {
    const attrs: Record<string, OcelValue> = {};
    for (const [k, v] of Object.entries(parseAttrs(r.attrs))) {
      const s = scalar(v);
      if (s !== null) attrs[k] = s;
    }
    const extra: [string, JsonScalar][] = [['user_id', r.user_id], ['user_type', r.user_type], ['amount', r.amount], ['currency', r.currency]];
    for (const [k, v] of extra) if (v !== null && !(k in attrs)) attrs[k] = v;
    const types = eventTypes.get(r.activity) ?? new Map<string, OcelAttrType>();
    eventTypes.set(r.activity, types);
    for (const [k, v] of Object.entries(attrs)) widen(types, k, typeOf(v));
    const e: OcelEvent = { id: r.event_id, type: r.activity, time: Number(r.ts_ms), attrs, rels: [], where: { row: null, field: null } };
    events.push(e);
    byEvent.set(e.id, e);
  }
  for (const r of await store.query<{ event_id: string; object_id: string; qualifier: string }>('ocel/export_e2o', { log_id: logId })) {
    byEvent.get(r.event_id)?.rels.push([r.object_id, r.qualifier]);
  }

  const objectRows = await store.query<{ object_id: string; object_type: string; attrs: string | null }>('ocel/export_objects', { log_id: logId });
  const changes = new Map<string, { ts_ms: number; field: string; old_value: string | null; new_value: string | null }[]>();
  for (const c of await store.query<{ object_id: string; ts_ms: number; field: string; old_value: string | null; new_value: string | null }>(
    'ocel/export_changes',
    { log_id: logId },
  )) {
    const list = changes.get(c.object_id) ?? [];
    list.push({ ...c, ts_ms: Number(c.ts_ms) });
    changes.set(c.object_id, list);
  }
  const objects: OcelObject[] = [];
  const byObject = new Map<string, OcelObject>();
  const current = new Map<string, Record<string, OcelValue>>();
  for (const r of objectRows) {
    const types = objectTypes.get(r.object_type) ?? new Map<string, OcelAttrType>();
    objectTypes.set(r.object_type, types);
    const cur: Record<string, OcelValue> = {};
    for (const [k, v] of Object.entries(parseAttrs(r.attrs))) {
      const s = scalar(v);
      if (s !== null) cur[k] = s;
    }
    for (const [k, v] of Object.entries(cur)) widen(types, k, typeOf(v));
    for (const c of changes.get(r.object_id) ?? []) {
      if (!types.has(c.field)) types.set(c.field, 'string');
      for (const t of [c.old_value, c.new_value]) {
        if (t !== null && types.get(c.field) === 'float' && !Number.isFinite(Number(t))) types.set(c.field, 'string');
        if (t !== null && types.get(c.field) === 'boolean' && t !== 'true' && t !== 'false') types.set(c.field, 'string');
      }
    }
    current.set(r.object_id, cur);
    const o: OcelObject = { id: r.object_id, type: r.object_type, attrs: [], rels: [], where: { row: null, field: null } };
    objects.push(o);
    byObject.set(o.id, o);
  }
  for (const o of objects) {
    const types = objectTypes.get(o.type) as Map<string, OcelAttrType>;
    const cur = current.get(o.id) ?? {};
    const history = changes.get(o.id) ?? [];
    const started = new Set<string>();
    for (const c of history) {
      if (!started.has(c.field)) {
        started.add(c.field);
        if (c.old_value !== null && c.ts_ms > 0) o.attrs.push({ name: c.field, time: 0, value: typed(c.old_value, types.get(c.field)) });
      }
      if (c.new_value !== null) o.attrs.push({ name: c.field, time: c.ts_ms, value: typed(c.new_value, types.get(c.field)) });
    }
    for (const [k, v] of Object.entries(cur)) {
      if (started.has(k)) continue;
      const t = types.get(k);
      o.attrs.push({ name: k, time: 0, value: t === 'string' ? String(v) : v });
    }
  }
  for (const r of await store.query<{ source_id: string; target_id: string; qualifier: string }>('ocel/export_o2o', { log_id: logId })) {
    if (byObject.has(r.target_id)) byObject.get(r.source_id)?.rels.push([r.target_id, r.qualifier]);
  }
  // OCEL requires every related object to exist; a link to an object the log does not hold is left out.
  for (const e of events) e.rels = e.rels.filter(([oid]) => byObject.has(oid));
  return { events, objects, eventTypes, objectTypes };
}

export interface ExportCounts {
  events: number;
  objects: number;
  e2o: number;
  o2o: number;
  attributeRows: number;
}

export function countsOf(log: ExportLog): ExportCounts {
  let e2o = 0;
  let o2o = 0;
  let attributeRows = 0;
  for (const e of log.events) e2o += e.rels.length;
  for (const o of log.objects) {
    o2o += o.rels.length;
    attributeRows += o.attrs.length;
  }
  return { events: log.events.length, objects: log.objects.length, e2o, o2o, attributeRows };
}
