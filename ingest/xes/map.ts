// The XES mapper: one canonical event per XES event, one `case` object per trace. Used by the
// pipeline path (importXes via: 'pipeline'); the default fast path (tsv.ts) writes the same values
// and reuses toAttrs/parseXesTimestamp from here.
// - activity = concept:name; ts = time:timestamp (xs:dateTime, offset applied → UTC; no offset =
//   UTC); user_id = org:resource; every other attribute is kept in attrs, lifecycle:transition
//   included. Plain values stay plain (string, number, boolean; dates as written); the XES type of
//   every non-string attribute is kept in `xes:types` (a JSON object key → type) so that export
//   writes the same types back; an attribute with nested attributes, a list or a container is
//   stored as the JSON text of its typed tree (type `nested`).
// - the trace: object `case:<trace concept:name>` (type `case`) with all trace attributes;
//   each event is linked to it with qualifier `case`.
// - event ids: `xes:<file>:<trace no>:<event no>` (loading the same file again is a no-op).
import { basename } from 'node:path';
import { RowReject } from '../common/reject';
import type { Attrs, Emit, Source } from '../pipeline/source';
import { listFiles } from '../pipeline/files';
import { readXesFile, type XesAttr, type XesLimits, type XesLogMeta, type XesRow, DEFAULT_LIMITS } from './read';

export const TYPES_KEY = 'xes:types';

/** A typed tree as stored for nested attributes: {t: type, v: value, c: children}. */
export interface StoredNode {
  k?: string;
  t: string;
  v: string | null;
  c?: StoredNode[];
}

export function toStored(a: XesAttr, withKey: boolean): StoredNode {
  const n: StoredNode = withKey ? { k: a.key, t: a.type, v: a.value } : { t: a.type, v: a.value };
  if (a.children?.length) n.c = a.children.map((c) => toStored(c, true));
  return n;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE_TIME = /^\s*(-?\d{4,})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/;

const d2 = (t: string, i: number): number => (t.charCodeAt(i) - 48) * 10 + t.charCodeAt(i + 1) - 48;

/**
 * The common shape `YYYY-MM-DDTHH:MM:SS[.fff][Z|±hh:mm]` read digit by digit (most of the
 * import's timestamps); NaN when the text has another shape or a value out of range, which the
 * general parser then handles and explains.
 */
function fastTimestamp(t: string): number {
  const n = t.length;
  if (n < 19 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 84 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58) return NaN;
  for (let i = 0; i < 19; i++) {
    const c = t.charCodeAt(i);
    if ((c < 48 || c > 57) && i !== 4 && i !== 7 && i !== 10 && i !== 13 && i !== 16) return NaN;
  }
  const y = d2(t, 0) * 100 + d2(t, 2);
  const mo = d2(t, 5);
  const d = d2(t, 8);
  const h = d2(t, 11);
  const mi = d2(t, 14);
  const s = d2(t, 17);
  let i = 19;
  let ms = 0;
  if (t.charCodeAt(i) === 46) {
    let scale = 100;
    i++;
    const from = i;
    for (; i < n; i++) {
      const c = t.charCodeAt(i);
      if (c < 48 || c > 57) break;
      ms += (c - 48) * scale;
      scale /= 10;
    }
    if (i === from) return NaN;
    ms = Math.floor(ms);
  }
  let off = 0;
  if (i < n) {
    const c = t.charCodeAt(i);
    if (c === 90 && i + 1 === n) off = 0;
    else if ((c === 43 || c === 45) && i + 6 === n && t.charCodeAt(i + 3) === 58) {
      const oh = d2(t, i + 1);
      const om = d2(t, i + 4);
      if (!(oh >= 0 && oh <= 14 && om >= 0 && om <= 59)) return NaN;
      off = (c === 45 ? -1 : 1) * (oh * 60 + om);
    } else return NaN;
  }
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1] || (mo === 2 && d === 29 && !leap) || h > 23 || mi > 59 || s > 59) return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - off * 60_000;
}

/** xs:dateTime (offset optional, fractions truncated to ms) → epoch ms UTC; throws a reason. */
export function parseXesTimestamp(text: string): number {
  const fast = fastTimestamp(text);
  if (fast === fast) return fast;
  const m = DATE_TIME.exec(text);
  if (!m) throw new Error(`"${text}" is not an xs:dateTime`);
  const [, ys, mos, ds, hs = '0', mis = '0', ss = '0', frac = '', off] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = Number(hs);
  const mi = Number(mis);
  const s = Number(ss);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (y < 1 || y > 9999) throw new Error(`"${text}": year ${y} is out of range`);
  if (mo < 1 || mo > 12) throw new Error(`"${text}": month ${mo} does not exist`);
  if (d < 1 || d > DAYS[mo - 1] || (mo === 2 && d === 29 && !leap)) throw new Error(`"${text}": day ${d} does not exist in month ${mo}`);
  if (h > 23 || mi > 59 || s > 59) throw new Error(`"${text}": time of day out of range`);
  let offsetMin = 0;
  if (off && off !== 'Z') {
    const oh = Number(off.slice(1, 3));
    const om = Number(off.slice(-2));
    if (oh > 14 || om > 59) throw new Error(`"${text}": offset ${off} out of range`);
    offsetMin = (off[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime() - offsetMin * 60_000;
}

const KEYS = new Map<string, string>();
/** A key escaped for JSON (keys repeat across events: remembered, up to a bound). */
function jsonKey(key: string): string {
  let k = KEYS.get(key);
  if (k === undefined) {
    k = JSON.stringify(key).slice(1, -1);
    if (KEYS.size < 10_000) KEYS.set(key, k);
  }
  return k;
}

/** XES attributes → canonical attrs (see the header); `skip` keys go elsewhere (activity, ts…). */
export function toAttrs(list: readonly XesAttr[], skip: ReadonlySet<string>): Attrs {
  const attrs: Attrs = {};
  const types: Record<string, string> = {};
  for (const a of list) {
    if (skip.has(a.key)) continue;
    // The collector writes keys into JSON as they are: escape them here.
    const k = jsonKey(a.key);
    if (k in attrs) continue; // first one wins, as in pm4py
    if (a.children?.length || a.type === 'list' || a.type === 'container') {
      attrs[k] = JSON.stringify(toStored(a, false));
      types[a.key] = 'nested';
      continue;
    }
    const v = a.value ?? '';
    switch (a.type) {
      case 'int': {
        const n = Number(v);
        attrs[k] = Number.isSafeInteger(n) && /^\s*[+-]?\d+\s*$/.test(v) ? n : v;
        types[a.key] = 'int';
        break;
      }
      case 'float': {
        const n = Number(v);
        attrs[k] = v.trim() !== '' && Number.isFinite(n) ? n : v;
        types[a.key] = 'float';
        break;
      }
      case 'boolean':
        attrs[k] = v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v;
        types[a.key] = 'boolean';
        break;
      case 'date':
      case 'id':
        attrs[k] = v;
        types[a.key] = a.type;
        break;
      default:
        attrs[k] = v;
    }
  }
  for (const _ in types) {
    attrs[TYPES_KEY] = JSON.stringify(types);
    break;
  }
  return attrs;
}

const EVENT_SKIP = new Set(['concept:name', 'time:timestamp', 'org:resource']);
const TRACE_SKIP = new Set<string>();

export function xesSource(meta: XesLogMeta, limits: XesLimits = DEFAULT_LIMITS): Source<XesRow> {
  return {
    kind: 'xes',
    system: 'xes',
    async *read(path: string) {
      for (const file of listFiles(path, (f) => /\.xes(\.gz)?$/i.test(f))) yield* readXesFile(file, meta, limits);
    },
    mapper() {
      return (row: XesRow, out: Emit) => {
        if (row.kind === 'trace') {
          out.object(row.caseId, toAttrs(row.attrs, TRACE_SKIP));
          return;
        }
        const name = row.attrs.find((a) => a.key === 'concept:name');
        if (!name || name.value === null || name.value === '') throw new RowReject('concept:name', 'the event has no concept:name (activity)');
        const time = row.attrs.find((a) => a.key === 'time:timestamp');
        if (!time || time.value === null) throw new RowReject('time:timestamp', 'the event has no time:timestamp');
        let ts: number;
        try {
          ts = parseXesTimestamp(time.value);
        } catch (err) {
          throw new RowReject('time:timestamp', `impossible timestamp: ${(err as Error).message}`, 'bad_date');
        }
        const resource = row.attrs.find((a) => a.key === 'org:resource');
        const id = `xes:${basename(row.file)}:${row.traceNo}:${row.eventNo}`;
        out.event({
          id,
          activity: name.value,
          ts,
          userId: resource?.value ?? null,
          attrs: toAttrs(row.attrs, EVENT_SKIP),
        });
        out.link(id, row.caseId, 'case');
      };
    },
  };
}
