// The XES fast path's writer: a scanner handler (scan.ts) that turns a file's traces and events
// straight into lines of two temporary TSV files, which DuckDB then reads (sql/queries/ingest/xes/
// fast-*.sql, ingest/xes/import.ts). No row objects: an event's top-level attributes go into
// arrays reused from event to event, and its line is built by string concatenation when it
// closes; only nested attributes (rare) become objects. Memory does not grow with the file: lines
// are written out in blocks of a few MB.
//
// Lines (fields by TAB; `\N` = NULL; a text field holding TAB, CR, LF, U+0001 or exactly `\N` is
// written as U+0001 + its JSON string, decoded in SQL by the `xes_txt` macro; attrs is JSON
// text, which never holds a raw TAB or newline):
//   events: ord, file_no, trace_no, event_no, line, activity, ts_ms, user_id, attrs
//   rejects: file_no, trace_no, event_no, line, field, reason (events without a valid
//           timestamp or without concept:name)
//   traces: file_no, trace_no, line, name (the trace's concept:name), attrs
//   instances (when asked): file_no, trace_no, activity, instance_no, start_ord, complete_ord,
//           start_ms, complete_ms, prev_last_ms — the activity instances of each trace (below)
//
// The values are those of the pipeline mapper (map.ts): the same attrs JSON text (attrsJson over
// toAttrs), the same rejects and reasons, the same timestamps.
import { closeSync, openSync, writeSync } from 'node:fs';
import { attrsJson } from '../pipeline/pack';
import type { XmlScanner, ScanHandler } from './scan';
import { parseXesTimestamp, toAttrs, toStored, TYPES_KEY } from './map';
import { XES_TYPES, type XesAttr, type XesLogMeta, type XesType } from './read';

const TYPE_SET: ReadonlySet<string> = new Set(XES_TYPES);
const MAX_DEPTH = 256;
const BLOCK_BYTES = 1 << 20;
const NEEDS_ESCAPE = /[\t\n\r\x01]/;

/** A text field: `\N` for null, escaped when it holds a separator (see the header). */
function t(v: string | null): string {
  if (v === null) return '\\N';
  return NEEDS_ESCAPE.test(v) || v === '\\N' ? `\x01${JSON.stringify(v)}` : v;
}

/** Buffered lines to one file: encoded into a fixed buffer line by line (no long string is built). */
export class LineFile {
  private fd: number;
  private readonly buf = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;
  /** Longest line in UTF-16 units (an upper bound for read_csv's max_line_size: ×3 bytes). */
  maxLine = 0;
  lines = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }
  add(line: string): void {
    const n = line.length;
    if (n > this.maxLine) this.maxLine = n;
    this.lines++;
    if (this.used + n * 3 > BLOCK_BYTES) {
      this.flush();
      if (n * 3 > BLOCK_BYTES) {
        writeSync(this.fd, line);
        return;
      }
    }
    this.used += this.buf.write(line, this.used, 'utf8');
  }
  flush(): void {
    if (this.used) writeSync(this.fd, this.buf, 0, this.used);
    this.used = 0;
  }
  close(): void {
    if (this.fd < 0) return;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
      this.fd = -1;
    }
  }
}

const JSON_KEYS = new Map<string, string>();
/** A key as JSON string content (escaped, no quotes); remembered, up to a bound. */
function jsonKey(key: string): string {
  let k = JSON_KEYS.get(key);
  if (k === undefined) {
    k = JSON.stringify(key).slice(1, -1);
    if (JSON_KEYS.size < 10_000) JSON_KEYS.set(key, k);
  }
  return k;
}
const TYPES_TEXT = new Map<string, string>();
/** `"xes:types":"<types JSON as a string>"` for the types object text `types`; remembered. */
function typesMember(types: string): string {
  let m = TYPES_TEXT.get(types);
  if (m === undefined) {
    m = `"${TYPES_KEY}":${JSON.stringify(types)}`;
    if (TYPES_TEXT.size < 10_000) TYPES_TEXT.set(types, m);
  }
  return m;
}
/** Keys a JS object would not keep in insertion order (array indices), or that are special. */
const ODD_KEY = /^(?:0|[1-9]\d{0,9})$/;
const oddKey = (k: string): boolean => k === TYPES_KEY || k === '__proto__' || ODD_KEY.test(k);
const INT = /^\s*[+-]?\d+\s*$/;

/** The top-level attributes of a trace or an event, in arrays reused between elements. */
class AttrList {
  n = 0;
  keys: string[] = [];
  types: XesType[] = [];
  values: (string | null)[] = [];
  children: (XesAttr[] | null)[] = [];

  reset(): void {
    this.n = 0;
  }
  add(key: string, type: XesType, value: string | null): number {
    const i = this.n++;
    this.keys[i] = key;
    this.types[i] = type;
    this.values[i] = value;
    this.children[i] = null;
    return i;
  }
  /** The value of the first attribute named `key` (undefined if none). */
  find(key: string): string | null | undefined {
    for (let i = 0; i < this.n; i++) if (this.keys[i] === key) return this.values[i];
    return undefined;
  }
  toAttrList(): XesAttr[] {
    const out: XesAttr[] = [];
    for (let i = 0; i < this.n; i++) {
      const a: XesAttr = { key: this.keys[i], type: this.types[i], value: this.values[i] };
      if (this.children[i]) a.children = this.children[i] as XesAttr[];
      out.push(a);
    }
    return out;
  }

  /** attrsJson(toAttrs(list, skip)) — the same text, built without objects in the common case. */
  json(skip: ReadonlySet<string> | null): string {
    const { n, keys } = this;
    for (let i = 0; i < n; i++) if (oddKey(keys[i])) return attrsJson(toAttrs(this.toAttrList(), skip ?? new Set()));
    let out = '';
    let types = '';
    outer: for (let i = 0; i < n; i++) {
      const key = keys[i];
      if (skip?.has(key)) continue;
      for (let j = 0; j < i; j++) if (keys[j] === key && !skip?.has(key)) continue outer; // first one wins
      const type = this.types[i];
      const ch = this.children[i];
      const k = jsonKey(key);
      let value: string;
      let typed: string | null = null;
      if (ch?.length || type === 'list' || type === 'container') {
        value = JSON.stringify(JSON.stringify(toStored({ key, type, value: this.values[i], children: ch ?? undefined }, false)));
        typed = 'nested';
      } else {
        const v = this.values[i] ?? '';
        switch (type) {
          case 'int': {
            const num = Number(v);
            value = Number.isSafeInteger(num) && INT.test(v) ? String(num) : JSON.stringify(v);
            typed = 'int';
            break;
          }
          case 'float': {
            const num = Number(v);
            value = v.trim() !== '' && Number.isFinite(num) ? String(num) : JSON.stringify(v);
            typed = 'float';
            break;
          }
          case 'boolean':
            value = v === 'true' || v === '1' ? 'true' : v === 'false' || v === '0' ? 'false' : JSON.stringify(v);
            typed = 'boolean';
            break;
          case 'date':
          case 'id':
            value = JSON.stringify(v);
            typed = type;
            break;
          default:
            value = JSON.stringify(v);
        }
      }
      out += `${out === '' ? '' : ','}"${k}":${value}`;
      if (typed) types += `${types === '' ? '' : ','}"${k}":"${typed}"`;
    }
    if (types) out += `${out === '' ? '' : ','}${typesMember(`{${types}}`)}`;
    return `{${out}}`;
  }
}

const EVENT_SKIP: ReadonlySet<string> = new Set(['concept:name', 'time:timestamp', 'org:resource']);

// Frame kinds of the element stack.
const OTHER = 0;
const LOG = 1;
const TARGET = 2; // a <global>: attributes into an array of objects
const TRACE = 3;
const EVENT = 4;
const TOP_T = 5; // a top-level trace attribute (ref: its index)
const TOP_E = 6; // a top-level event attribute (ref: its index)
const NODE = 7; // a nested attribute, or one of the log (ref: the object)

/**
 * Activity instances of one trace, as activity-instances.sql pairs them: lifecycle start and
 * complete events per activity, first in first out, in (time, file) order; a complete without an
 * open start and a start never completed are instances of their own. Numbered within the trace by
 * their first event; prev_last_ms is the latest end (complete, else start) of the instances before.
 */
interface Instance {
  act: string;
  sOrd: number;
  cOrd: number;
  sMs: number;
  cMs: number;
}
const NONE = -1;

function traceInstances(n: number, act: string[], ms: number[], ord: number[], lc: number[], out: LineFile, prefix: string): void {
  const idx: number[] = [];
  for (let i = 0; i < n; i++) if (lc[i] !== 0) idx.push(i);
  if (idx.length === 0) return;
  idx.sort((a, b) => ms[a] - ms[b] || ord[a] - ord[b]);
  const open = new Map<string, Instance[]>();
  const all: Instance[] = [];
  for (const i of idx) {
    const a = act[i];
    if (lc[i] === 1) {
      const inst: Instance = { act: a, sOrd: ord[i], cOrd: NONE, sMs: ms[i], cMs: NONE };
      all.push(inst);
      const q = open.get(a);
      if (q) q.push(inst);
      else open.set(a, [inst]);
    } else {
      const q = open.get(a);
      const inst = q?.shift();
      if (inst) {
        inst.cOrd = ord[i];
        inst.cMs = ms[i];
      } else all.push({ act: a, sOrd: NONE, cOrd: ord[i], sMs: NONE, cMs: ms[i] });
    }
  }
  const firstMs = (x: Instance): number => (x.sOrd !== NONE ? x.sMs : x.cMs);
  const firstOrd = (x: Instance): number => (x.sOrd !== NONE ? x.sOrd : x.cOrd);
  all.sort((x, y) => firstMs(x) - firstMs(y) || firstOrd(x) - firstOrd(y));
  let prevLast = NaN;
  for (let k = 0; k < all.length; k++) {
    const x = all[k];
    const hasS = x.sOrd !== NONE;
    const hasC = x.cOrd !== NONE;
    out.add(
      `${prefix}${t(x.act)}\t${k + 1}\t${hasS ? x.sOrd : '\\N'}\t${hasC ? x.cOrd : '\\N'}\t${hasS ? x.sMs : '\\N'}\t${hasC ? x.cMs : '\\N'}\t${prevLast === prevLast ? prevLast : '\\N'}\n`,
    );
    const last = hasC ? x.cMs : x.sMs;
    if (!(last <= prevLast)) prevLast = last;
  }
}

/** 1 start, 2 complete, 0 other: json_extract_string(attrs, lifecycle:transition) as the SQL reads it. */
function lifecycle(a: AttrList): number {
  for (let i = 0; i < a.n; i++) {
    if (a.keys[i] !== 'lifecycle:transition') continue;
    const type = a.types[i];
    if (a.children[i]?.length || type === 'list' || type === 'container') return 0;
    const v = (a.values[i] ?? '').toLowerCase();
    return v === 'start' ? 1 : v === 'complete' ? 2 : 0;
  }
  return 2;
}

export interface TsvFiles {
  events: LineFile;
  traces: LineFile;
  rejects: LineFile;
  /** Activity instances per trace; null: not paired here (SQL pairs them from the store). */
  instances: LineFile | null;
}

export interface TsvCounts {
  traces: number;
  events: number;
  /** Accepted events so far over all files (the `ord` of the next one is this + 1). */
  ord: number;
  rejected: number;
}

/**
 * The handler for one file (`fileNo`); `counts` carries on from file to file. `onRows` is told how
 * many rows (traces and events) each closing trace added, for progress.
 */
export function tsvHandler(
  scanner: XmlScanner,
  fileNo: number,
  meta: XesLogMeta,
  out: TsvFiles,
  counts: TsvCounts,
): ScanHandler {
  const { instances } = out;
  const kinds: number[] = [];
  const refs: unknown[] = [];
  let depth = 0;
  const traceAttrs = new AttrList();
  const eventAttrs = new AttrList();
  let traceNo = 0;
  let traceLine = 0;
  let eventNo = 0;
  let eventLine = 0;
  const head = `\t${fileNo}\t`;
  // The trace's accepted events, for its activity instances.
  let tn = 0;
  const tAct: string[] = [];
  const tMs: number[] = [];
  const tOrd: number[] = [];
  const tLc: number[] = [];

  const attr = (names: string[], values: string[], n: number, name: string): string | undefined => {
    for (let i = 0; i < n; i++) if (names[i] === name) return values[i];
    return undefined;
  };
  const push = (kind: number, ref: unknown): void => {
    kinds[depth] = kind;
    refs[depth] = ref;
    depth++;
  };
  const node = (type: XesType, names: string[], values: string[], n: number): XesAttr => ({
    key: attr(names, values, n, 'key') ?? '',
    type,
    value: type === 'list' || type === 'container' ? null : (attr(names, values, n, 'value') ?? ''),
  });

  /** `\t<file>\t<trace>\t<event>\t<line>\t`: the event's position fields. */
  const pos = (): string => `${head}${traceNo}\t${eventNo}\t${eventLine}\t`;
  const reject = (field: string, reason: string): void => {
    counts.rejected++;
    out.rejects.add(`${fileNo}\t${traceNo}\t${eventNo}\t${eventLine}\t${t(field)}\t${t(reason)}\n`);
  };

  const endEvent = (): void => {
    counts.events++;
    const a = eventAttrs;
    const name = a.find('concept:name');
    if (name === undefined || name === null || name === '') return reject('concept:name', 'the event has no concept:name (activity)');
    const time = a.find('time:timestamp');
    if (time === undefined || time === null) return reject('time:timestamp', 'the event has no time:timestamp');
    let ts: number;
    try {
      ts = parseXesTimestamp(time);
    } catch (err) {
      return reject('time:timestamp', `impossible timestamp: ${(err as Error).message}`);
    }
    const resource = a.find('org:resource');
    if (instances) {
      tAct[tn] = name;
      tMs[tn] = ts;
      tOrd[tn] = counts.ord + 1;
      tLc[tn] = lifecycle(a);
      tn++;
    }
    out.events.add(`${++counts.ord}${pos()}${t(name)}\t${ts}\t${t(resource ?? null)}\t${a.json(EVENT_SKIP)}\n`);
  };

  const endTrace = (): void => {
    counts.traces++;
    if (instances) traceInstances(tn, tAct, tMs, tOrd, tLc, instances, `${fileNo}\t${traceNo}\t`);
    tn = 0;
    out.traces.add(`${fileNo}\t${traceNo}\t${traceLine}\t${t(traceAttrs.find('concept:name') ?? null)}\t${traceAttrs.json(null)}\n`);
  };

  return {
    open(name, names, values, n) {
      if (depth >= MAX_DEPTH) throw scanner.error(`aborted: elements nested deeper than ${MAX_DEPTH} levels (limit)`);
      if (depth === 0) {
        if (name !== 'log') throw scanner.error(`not an XES file: the root element is <${name}>, not <log>`);
        for (let i = 0; i < n; i++) if (!names[i].startsWith('xmlns')) meta.xes[names[i]] = values[i];
        push(LOG, meta.attributes);
        return;
      }
      const k = kinds[depth - 1];
      const ref = refs[depth - 1];
      const type = TYPE_SET.has(name) ? (name as XesType) : null;
      if (type) {
        switch (k) {
          case EVENT:
          case TRACE: {
            const list = k === EVENT ? eventAttrs : traceAttrs;
            const i = list.add(
              attr(names, values, n, 'key') ?? '',
              type,
              type === 'list' || type === 'container' ? null : (attr(names, values, n, 'value') ?? ''),
            );
            push(k === EVENT ? TOP_E : TOP_T, i);
            return;
          }
          case TOP_T:
          case TOP_E: {
            const list = k === TOP_E ? eventAttrs : traceAttrs;
            const c = node(type, names, values, n);
            (list.children[ref as number] ??= []).push(c);
            push(NODE, c);
            return;
          }
          case NODE: {
            const c = node(type, names, values, n);
            ((ref as XesAttr).children ??= []).push(c);
            push(NODE, c);
            return;
          }
          case LOG:
          case TARGET: {
            const c = node(type, names, values, n);
            (ref as XesAttr[]).push(c);
            push(NODE, c);
            return;
          }
        }
      }
      if (name === 'values' && (k === TOP_T || k === TOP_E || k === NODE)) {
        push(k, ref);
        return;
      }
      if (k === LOG) {
        if (name === 'trace') {
          traceNo++;
          traceLine = scanner.line;
          eventNo = 0;
          traceAttrs.reset();
          push(TRACE, null);
          return;
        }
        const get = (key: string): string | undefined => attr(names, values, n, key);
        if (name === 'extension') {
          meta.extensions.push({ name: get('name') ?? '', prefix: get('prefix') ?? '', uri: get('uri') ?? '' });
        } else if (name === 'classifier') {
          meta.classifiers.push({ name: get('name') ?? '', keys: get('keys') ?? '', scope: get('scope') ?? null });
        } else if (name === 'global') {
          const g = { scope: get('scope') ?? 'event', attrs: [] as XesAttr[] };
          meta.globals.push(g);
          push(TARGET, g.attrs);
          return;
        }
        push(OTHER, null);
        return;
      }
      if (k === TRACE && name === 'event') {
        eventNo++;
        eventLine = scanner.line;
        eventAttrs.reset();
        push(EVENT, null);
        return;
      }
      push(OTHER, null);
    },
    close() {
      if (depth === 0) return;
      depth--;
      const k = kinds[depth];
      refs[depth] = null;
      if (k === EVENT) endEvent();
      else if (k === TRACE) endTrace();
    },
  };
}
