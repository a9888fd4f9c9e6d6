// OCEL 2.0 JSON (.json/.jsonocel, optionally .gz), streamed: the inflated text goes through
// JsonSplitter (json-stream.ts) chunk by chunk and each object and event is parsed on its own, so
// memory holds one record's text at a time plus the records read so far. The inflated size is
// capped (input.ts: 256 MiB by default, THROUGHLINE_OCEL_MAX_BYTES), which stops zip bombs.
import { textChunks } from './input';
import { locateJsonError } from './json-locate';
import { JsonSplitter, JsonSyntaxError, type Piece } from './json-stream';
import { attrType, fail, normValue, OcelLog, parseTime, type OcelAttrType, type OcelObjectAttr, type OcelValue, type ReadOptions, type Where } from './model';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A record that JSON.parse refused: the line of the error within the file. */
function pieceError(file: string, piece: Piece, err: Error): ReturnType<typeof fail> {
  const at = locateJsonError(piece.text);
  const line = piece.line + piece.text.slice(0, at.offset).split('\n').length - 1;
  return fail(file, { row: line, field: null }, `invalid JSON at line ${line}: ${err.message.slice(0, 200)}`);
}

const RECORD_KEYS = new Set(['objects', 'events']);
const TYPE_KEYS = new Set(['objectTypes', 'eventTypes']);

export async function readOcelJson(path: string, maxBytes: number, opts: ReadOptions = {}): Promise<OcelLog> {
  const log = new OcelLog(path);
  const seen = new Set<string>();
  // Records that arrive before their type declarations wait for them (keys may come in any order).
  const waiting: { key: string; index: number; doc: Json }[] = [];
  let typesDone = false;
  const onPiece = (piece: Piece): void => {
    let doc: Json;
    try {
      doc = JSON.parse(piece.text) as Json;
    } catch (err) {
      throw pieceError(path, piece, err as Error);
    }
    seen.add(piece.key);
    if (piece.index === null) {
      if (piece.key === 'objectTypes' || piece.key === 'eventTypes') {
        if (!Array.isArray(doc)) throw fail(path, { row: piece.line, field: piece.key }, `missing or invalid key "${piece.key}" (an array)`);
        declareTypes(path, log, piece.key === 'objectTypes' ? 'object' : 'event', doc);
        typesDone = seen.has('objectTypes') && seen.has('eventTypes');
      } else if (RECORD_KEYS.has(piece.key)) {
        throw fail(path, { row: piece.line, field: piece.key }, `missing or invalid key "${piece.key}" (an array)`);
      }
      return;
    }
    if (!typesDone) waiting.push({ key: piece.key, index: piece.index, doc });
    else record(path, log, piece.key, piece.index, doc, opts);
  };
  const splitter = new JsonSplitter(RECORD_KEYS, TYPE_KEYS, onPiece);
  try {
    for await (const text of textChunks(path, maxBytes, () => splitter.line)) splitter.write(text);
    splitter.end();
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw fail(path, { row: err.line, field: null }, err.message);
    throw err;
  }
  for (const key of ['objectTypes', 'eventTypes', 'objects', 'events']) {
    if (!seen.has(key) && !(RECORD_KEYS.has(key) && splitterSawEmpty(splitter, key))) {
      throw fail(path, { row: null, field: key }, `missing or invalid key "${key}" (an array)`);
    }
  }
  for (const w of waiting) record(path, log, w.key, w.index, w.doc, opts);
  log.check();
  return log;
}

function splitterSawEmpty(splitter: JsonSplitter, key: string): boolean {
  return splitter.emptyArrays.has(key);
}

function declareTypes(path: string, log: OcelLog, kind: 'object' | 'event', list: Json[]): void {
  list.forEach((t, i) => {
    const where = { row: i + 1, field: `${kind}Types[${i}]` };
    if (!isObject(t) || typeof t.name !== 'string') throw fail(path, where, `${kind} type without name`);
    const attrs = Array.isArray(t.attributes) ? t.attributes : [];
    log.declare(
      kind,
      t.name,
      attrs.map((a, j): [string, OcelAttrType] => {
        const w = { row: i + 1, field: `${kind}Types[${i}].attributes[${j}]` };
        if (!isObject(a) || typeof a.name !== 'string') throw fail(path, w, 'attribute without name');
        return [a.name, attrType(a.type, path, w)];
      }),
    );
  });
}

function record(path: string, log: OcelLog, key: string, i: number, doc: Json, opts: ReadOptions): void {
  if (key === 'objects') {
    const o = doc;
    const where: Where = { row: i + 1, field: `objects[${i}]` };
    if (!isObject(o)) throw fail(path, where, 'object expected');
    if (typeof o.id !== 'string' || o.id === '') throw fail(path, { ...where, field: `objects[${i}].id` }, 'missing object id');
    if (typeof o.type !== 'string' || o.type === '') throw fail(path, { ...where, field: `objects[${i}].type` }, 'missing object type');
    const decl = log.objectTypes.get(o.type);
    const attrs: OcelObjectAttr[] = [];
    (Array.isArray(o.attributes) ? o.attributes : []).forEach((a, j) => {
      const w = { row: i + 1, field: `objects[${i}].attributes[${j}]` };
      if (!isObject(a) || typeof a.name !== 'string') throw fail(path, w, 'attribute without name');
      const value = normValue(a.value, decl?.get(a.name), path, w, opts);
      const time = a.time === undefined ? 0 : parseTime(a.time, path, { ...w, field: `${w.field}.time` }, opts);
      if (value !== null) attrs.push({ name: a.name, time, value });
    });
    log.objects.push({ id: o.id, type: o.type, attrs, rels: rels(path, o.relationships, where), where });
    return;
  }
  const e = doc;
  const where: Where = { row: i + 1, field: `events[${i}]` };
  if (!isObject(e)) throw fail(path, where, 'event expected');
  if (typeof e.id !== 'string' || e.id === '') throw fail(path, { ...where, field: `events[${i}].id` }, 'missing event id');
  if (typeof e.type !== 'string' || e.type === '') throw fail(path, { ...where, field: `events[${i}].type` }, 'missing event type');
  const time = parseTime(e.time, path, { ...where, field: `events[${i}].time` }, opts);
  const decl = log.eventTypes.get(e.type);
  const attrs: Record<string, OcelValue> = {};
  (Array.isArray(e.attributes) ? e.attributes : []).forEach((a, j) => {
    const w = { row: i + 1, field: `events[${i}].attributes[${j}]` };
    if (!isObject(a) || typeof a.name !== 'string') throw fail(path, w, 'attribute without name');
    const value = normValue(a.value, decl?.get(a.name), path, w, opts);
    if (value !== null) attrs[a.name] = value;
  });
  log.events.push({ id: e.id, type: e.type, time, attrs, rels: rels(path, e.relationships, where), where });
}

function rels(path: string, raw: Json | undefined, where: Where): [string, string][] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw fail(path, { ...where, field: `${where.field}.relationships` }, 'relationships must be an array');
  return raw.map((r, j): [string, string] => {
    const w = { ...where, field: `${where.field}.relationships[${j}]` };
    if (!isObject(r) || typeof r.objectId !== 'string') throw fail(path, w, 'relationship without objectId');
    return [r.objectId, typeof r.qualifier === 'string' ? r.qualifier : ''];
  });
}
