// Writes a case-centric log back to XES (IEEE 1849), streamed: events are fetched from DuckDB a
// chunk at a time and written with back-pressure; `.gz` output is gzip-compressed. What comes out:
// the file's extensions, globals, classifiers and log attributes (log_attributes), then one
// <trace> per case object (its attributes, concept:name first) in order of its first event, and
// its events in load order with concept:name, time:timestamp (UTC), org:resource and every stored
// attribute under its original XES type (attrs `xes:types`; nested/list/container from their
// typed tree).
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';
import { loadQuery, type Store } from '../../sql';
import { TYPES_KEY, type StoredNode } from './map';

export interface ExportResult {
  path: string;
  traces: number;
  events: number;
}

const INVALID_XML = /[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const SPECIAL = /[&<>"'\r\n\t]/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** Text for an XML attribute value: entities escaped, characters XML 1.0 forbids replaced. */
export function escapeXml(s: string): string {
  return s.replace(INVALID_XML, '\ufffd').replace(SPECIAL, (c) => ENTITIES[c] ?? c);
}

const TAGS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id', 'list', 'container']);

function writeNode(key: string, n: StoredNode, indent: string, out: string[]): void {
  const tag = TAGS.has(n.t) ? n.t : 'string';
  const valuePart = tag === 'list' || tag === 'container' ? '' : ` value="${escapeXml(n.v ?? '')}"`;
  const head = `${indent}<${tag} key="${escapeXml(key)}"${valuePart}`;
  if (!n.c?.length) {
    out.push(tag === 'list' ? `${head}><values/></list>` : `${head}/>`);
    return;
  }
  out.push(`${head}>`);
  const inner = tag === 'list' ? `${indent}\t\t` : `${indent}\t`;
  if (tag === 'list') out.push(`${indent}\t<values>`);
  for (const c of n.c) writeNode(c.k ?? '', c, inner, out);
  if (tag === 'list') out.push(`${indent}\t</values>`);
  out.push(`${indent}</${tag}>`);
}

function inferType(v: unknown): string {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'string';
}

/** Stored attrs (JSON text) → XES attribute elements. */
function writeAttrs(json: string | null, indent: string, out: string[], first: Record<string, string> = {}): void {
  const attrs = json ? (JSON.parse(json) as Record<string, unknown>) : {};
  const types = typeof attrs[TYPES_KEY] === 'string' ? (JSON.parse(attrs[TYPES_KEY] as string) as Record<string, string>) : {};
  for (const [k, v] of Object.entries(first)) writeNode(k, { t: 'string', v }, indent, out);
  const skip = new Set(Object.keys(first));
  for (const [k, v] of Object.entries(attrs)) {
    if (k === TYPES_KEY || skip.has(k) || v === null || v === undefined) continue;
    const type = types[k] ?? inferType(v);
    if (type === 'nested') {
      writeNode(k, JSON.parse(String(v)) as StoredNode, indent, out);
    } else {
      writeNode(k, { t: type, v: typeof v === 'object' ? JSON.stringify(v) : String(v) }, indent, out);
    }
  }
}

async function write(stream: WriteStream | Gzip, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** Exports the log `logId` to `outPath` (.xes, or .xes.gz compressed); atomic (temp file + rename). */
export async function exportXes(store: Store, logId: string, outPath: string): Promise<ExportResult> {
  const tmp = `${outPath}.tmp-${process.pid}`;
  const file = createWriteStream(tmp);
  const gz = outPath.endsWith('.gz') ? createGzip() : null;
  if (gz) gz.pipe(file);
  const sink: WriteStream | Gzip = gz ?? file;
  const fileDone = once(file, 'close');
  fileDone.catch(() => undefined);
  const conn = await store.connect();
  let traces = 0;
  let events = 0;
  try {
    const meta = await store.query<{ scope: string; key: string; value: string }>('ingest/xes/meta', { log_id: logId });
    const xesAttrs = meta.filter((m) => m.scope === 'xes');
    const logAttrs: Record<string, string> = { 'xes.version': '1849-2016', 'xes.features': 'nested-attributes' };
    for (const m of xesAttrs) logAttrs[m.key] = JSON.parse(m.value) as string;
    const out: string[] = ['<?xml version="1.0" encoding="UTF-8" ?>'];
    out.push(`<log${Object.entries(logAttrs).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('')} xmlns="http://www.xes-standard.org/">`);
    const extensions = meta.filter((m) => m.scope === 'extension');
    const std: [string, string, string][] = [
      ['Concept', 'concept', 'http://www.xes-standard.org/concept.xesext'],
      ['Time', 'time', 'http://www.xes-standard.org/time.xesext'],
      ['Organizational', 'org', 'http://www.xes-standard.org/org.xesext'],
      ['Lifecycle', 'lifecycle', 'http://www.xes-standard.org/lifecycle.xesext'],
    ];
    const seen = new Set<string>();
    for (const m of extensions) {
      const v = JSON.parse(m.value) as { name: string; uri: string };
      seen.add(m.key);
      out.push(`\t<extension name="${escapeXml(v.name)}" prefix="${escapeXml(m.key)}" uri="${escapeXml(v.uri)}"/>`);
    }
    for (const [name, prefix, uri] of std) if (!seen.has(prefix)) out.push(`\t<extension name="${name}" prefix="${prefix}" uri="${uri}"/>`);
    for (const scope of ['trace', 'event']) {
      const g = meta.filter((m) => m.scope === `global:${scope}`);
      if (!g.length) continue;
      out.push(`\t<global scope="${scope}">`);
      for (const m of g) writeNode(m.key, JSON.parse(m.value) as StoredNode, '\t\t', out);
      out.push('\t</global>');
    }
    for (const m of meta.filter((x) => x.scope === 'classifier')) {
      const v = JSON.parse(m.value) as { keys: string; scope: string | null };
      out.push(`\t<classifier name="${escapeXml(m.key)}"${v.scope ? ` scope="${escapeXml(v.scope)}"` : ''} keys="${escapeXml(v.keys)}"/>`);
    }
    for (const m of meta.filter((x) => x.scope === 'log')) writeNode(m.key, JSON.parse(m.value) as StoredNode, '\t', out);
    await write(sink, `${out.join('\n')}\n`);

    const result = await conn.stream(loadQuery('ingest/xes/export-events'), { log_id: logId });
    const names = result.columnNames();
    let current: string | null = null;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const lines: string[] = [];
      for (const r of chunk.getRowObjects(names)) {
        const caseId = String(r.case_id);
        if (caseId !== current) {
          if (current !== null) lines.push('\t</trace>');
          current = caseId;
          traces++;
          lines.push('\t<trace>');
          const caseAttrs = r.case_attrs === null ? null : String(r.case_attrs);
          const name: Record<string, string> =
            caseAttrs && 'concept:name' in (JSON.parse(caseAttrs) as object) ? {} : { 'concept:name': caseId.replace(/^case:/, '') };
          writeAttrs(caseAttrs, '\t\t', lines, name);
        }
        events++;
        lines.push('\t\t<event>');
        lines.push(`\t\t\t<string key="concept:name" value="${escapeXml(String(r.activity))}"/>`);
        lines.push(`\t\t\t<date key="time:timestamp" value="${String(r.ts)}"/>`);
        if (r.user_id !== null) lines.push(`\t\t\t<string key="org:resource" value="${escapeXml(String(r.user_id))}"/>`);
        writeAttrs(r.attrs === null ? null : String(r.attrs), '\t\t\t', lines);
        lines.push('\t\t</event>');
      }
      await write(sink, `${lines.join('\n')}\n`);
    }
    const tail: string[] = current !== null ? ['\t</trace>'] : [];
    for (const r of await store.query<{ case_id: string; case_attrs: string }>('ingest/xes/export-empty-cases', { log_id: logId })) {
      traces++;
      tail.push('\t<trace>');
      const hasName = 'concept:name' in (JSON.parse(r.case_attrs) as object);
      writeAttrs(r.case_attrs, '\t\t', tail, hasName ? {} : { 'concept:name': r.case_id.replace(/^case:/, '') });
      tail.push('\t</trace>');
    }
    tail.push('</log>\n');
    await write(sink, tail.join('\n'));
    sink.end();
    await fileDone;
    await rename(tmp, outPath);
    return { path: outPath, traces, events };
  } catch (err) {
    sink.destroy();
    file.destroy();
    await rm(tmp, { force: true });
    throw err;
  } finally {
    conn.closeSync();
  }
}
