// The XES extractor (IEEE 1849): streams a .xes or .xes.gz file through saxes and yields one row
// per trace (its attributes) and one per event, a trace at a time, in file order. Memory is
// bounded by the largest trace, never by the file: the file is read in chunks, decompressed and
// decoded as it goes, and a trace's rows are handed on when the trace closes.
//
// Guards (each ends the run with an IngestError naming file, line and column):
// - not XML / truncated / not an XES <log> root / empty file: saxes' well-formedness errors;
// - text that is not valid in the declared encoding (UTF-8 unless the declaration or BOM says
//   otherwise; ISO-8859-1, windows-1252 and UTF-16 are decoded too);
// - elements nested deeper than 256 levels;
// - a single token (text run, attribute value, tag) over `maxTokenChars` (a "huge line", or
//   a zip bomb of whitespace: saxes would otherwise buffer it whole);
// - decompressed size over `maxBytes`, or over `maxRatio` × the compressed size once past 64 MiB
//   (a zip bomb of valid-looking markup).
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { SourceFile } from '../pipeline/files';
import type { SourceRow } from '../pipeline/source';
import { IngestError } from '../types';

export type XesType = 'string' | 'date' | 'int' | 'float' | 'boolean' | 'id' | 'list' | 'container';
export const XES_TYPES: readonly XesType[] = ['string', 'date', 'int', 'float', 'boolean', 'id', 'list', 'container'];

/** One XES attribute; `children` are its nested (meta) attributes or, for a list, its values. */
export interface XesAttr {
  key: string;
  type: XesType;
  value: string | null;
  children?: XesAttr[];
}

export interface XesTraceRow extends SourceRow {
  kind: 'trace';
  caseId: string;
  traceNo: number;
  attrs: XesAttr[];
}

export interface XesEventRow extends SourceRow {
  kind: 'event';
  caseId: string;
  traceNo: number;
  eventNo: number;
  attrs: XesAttr[];
}

export type XesRow = XesTraceRow | XesEventRow;

/** Log-level content: kept in log_attributes by the facade after a successful run. */
export interface XesLogMeta {
  xes: Record<string, string>;
  extensions: { name: string; prefix: string; uri: string }[];
  globals: { scope: string; attrs: XesAttr[] }[];
  classifiers: { name: string; keys: string; scope: string | null }[];
  attributes: XesAttr[];
}

export function emptyMeta(): XesLogMeta {
  return { xes: {}, extensions: [], globals: [], classifiers: [], attributes: [] };
}

export interface XesLimits {
  /** Longest single XML token (text run, attribute value) in characters. */
  maxTokenChars: number;
  /** Largest decompressed (or plain) size in bytes. */
  maxBytes: number;
  /** Largest decompressed ÷ compressed ratio for a .gz, checked once past 64 MiB. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: XesLimits = { maxTokenChars: 16 << 20, maxBytes: 16 * 2 ** 30, maxRatio: 200 };

const BATCH_ROWS = 4096;

interface Frame {
  kind: 'log' | 'trace' | 'event' | 'global' | 'attr' | 'other';
  /** Where attributes opened inside this frame go. */
  attrs: XesAttr[] | null;
  /** For an attribute frame: the attribute, whose children list is made on its first child. */
  node?: XesAttr;
}

function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** The decoder for the document: BOM first, then the XML declaration's encoding, else UTF-8. */
function pickEncoding(head: Buffer): { label: string; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  const decl = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.subarray(0, 256).toString('latin1'));
  const enc = (decl?.[1] ?? 'utf-8').toLowerCase();
  if (enc === 'utf-8' || enc === 'utf8') return { label: 'utf-8', skip: 0 };
  if (['iso-8859-1', 'latin1', 'latin-1', 'iso8859-1', 'us-ascii', 'ascii'].includes(enc)) return { label: 'latin1', skip: 0 };
  if (enc === 'windows-1252' || enc === 'cp1252') return { label: 'windows-1252', skip: 0 };
  throw new Error(`unsupported encoding "${decl?.[1]}" in the XML declaration (UTF-8, UTF-16, ISO-8859-1 and windows-1252 are read)`);
}

const TYPE_SET: ReadonlySet<string> = new Set(XES_TYPES);
const MAX_DEPTH = 256;

function attrType(name: string): XesType | null {
  return TYPE_SET.has(name) ? (name as XesType) : null;
}

/**
 * Streams the rows of one XES file. `meta` receives the log-level content as it is read.
 */
export async function* readXesFile(file: SourceFile, meta: XesLogMeta, limits: XesLimits = DEFAULT_LIMITS): AsyncGenerator<XesRow[]> {
  const where = (p: SaxesParser | null, msg: string): IngestError =>
    new IngestError(`${file.name}${p ? ` line ${p.line} column ${p.column + 1}` : ''}: ${msg}`, file.name, p ? p.line : null);

  let size: number;
  try {
    const st = statSync(file.path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch (err) {
    throw new IngestError(`cannot read ${file.path}: ${(err as Error).message}`, file.name);
  }
  if (size === 0) throw where(null, 'the file is empty (an XES file has a <log> root element)');
  const gz = isGzip(file.path);

  const parser = new SaxesParser<{ xmlns: false; fileName: string; position: true }>({ xmlns: false, fileName: file.name, position: true });
  const failed: { error: Error | null } = { error: null };
  parser.on('error', (err) => {
    // saxes prefixes "file:line:col: "; the position is taken here, where the error is.
    failed.error ??= where(parser, err.message.replace(/^[^:]*:\d+:\d+: /, ''));
  });

  const rows: XesRow[] = [];
  const stack: Frame[] = [];
  const caseNames = new Set<string>();
  let traceNo = 0;
  let eventNo = 0;
  let traceLine = 0;
  let traceAttrs: XesAttr[] = [];
  let traceEvents: { line: number; attrs: XesAttr[] }[] = [];
  let eventAttrs: XesAttr[] = [];
  let eventLine = 0;
  let sawRoot = false;
  let lastTokenEnd = 0;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    lastTokenEnd = parser.position;
    const name = tag.name;
    const a = tag.attributes;
    const top = stack[stack.length - 1];
    if (stack.length >= MAX_DEPTH) {
      failed.error ??= where(parser, `aborted: elements nested deeper than ${MAX_DEPTH} levels (limit)`);
      stack.push({ kind: 'other', attrs: null });
      return;
    }
    if (!top) {
      if (name !== 'log') {
        failed.error ??= where(parser, `not an XES file: the root element is <${name}>, not <log>`);
      }
      sawRoot = true;
      for (const [k, v] of Object.entries(a)) if (!k.startsWith('xmlns')) meta.xes[k] = v;
      stack.push({ kind: 'log', attrs: meta.attributes });
      return;
    }
    const type = attrType(name);
    if (type && top.kind === 'attr' && top.node) top.attrs = top.node.children ??= [];
    if (type && top.attrs) {
      // Real files (bpic2012's meta attributes) have attributes without a key: kept as key ''.
      const key = a.key ?? '';
      const node: XesAttr = { key, type, value: type === 'list' || type === 'container' ? null : (a.value ?? '') };
      top.attrs.push(node);
      stack.push({ kind: 'attr', attrs: null, node });
      return;
    }
    if (top.kind === 'attr' && name === 'values') {
      stack.push({ kind: 'attr', attrs: null, node: top.node });
      return;
    }
    if (top.kind === 'log') {
      if (name === 'trace') {
        traceNo++;
        eventNo = 0;
        traceLine = parser.line;
        traceAttrs = [];
        traceEvents = [];
        stack.push({ kind: 'trace', attrs: traceAttrs });
        return;
      }
      if (name === 'extension') {
        meta.extensions.push({ name: a.name ?? '', prefix: a.prefix ?? '', uri: a.uri ?? '' });
      } else if (name === 'classifier') {
        meta.classifiers.push({ name: a.name ?? '', keys: a.keys ?? '', scope: a.scope ?? null });
      } else if (name === 'global') {
        const g = { scope: a.scope ?? 'event', attrs: [] as XesAttr[] };
        meta.globals.push(g);
        stack.push({ kind: 'global', attrs: g.attrs });
        return;
      }
      stack.push({ kind: 'other', attrs: null });
      return;
    }
    if (top.kind === 'trace' && name === 'event') {
      eventNo++;
      eventLine = parser.line;
      eventAttrs = [];
      stack.push({ kind: 'event', attrs: eventAttrs });
      return;
    }
    stack.push({ kind: 'other', attrs: null });
  });

  parser.on('closetag', () => {
    lastTokenEnd = parser.position;
    const frame = stack.pop();
    if (!frame) return;
    if (frame.kind === 'event') {
      traceEvents.push({ line: eventLine, attrs: eventAttrs });
    } else if (frame.kind === 'trace') {
      const nameAttr = traceAttrs.find((x) => x.key === 'concept:name');
      let key = nameAttr?.value ?? `#${traceNo}`;
      if (caseNames.has(key)) key = `${key}#${traceNo}`;
      caseNames.add(key);
      const caseId = `case:${key}`;
      rows.push({ kind: 'trace', file: file.name, row: traceLine, raw: `trace ${key}`, caseId, traceNo, attrs: traceAttrs });
      traceEvents.forEach((e, i) =>
        rows.push({
          kind: 'event',
          file: file.name,
          row: e.line,
          raw: `trace ${key} event ${i + 1}`,
          caseId,
          traceNo,
          eventNo: i + 1,
          attrs: e.attrs,
        }),
      );
      traceEvents = [];
    }
  });

  const input = createReadStream(file.path, { highWaterMark: 256 << 10 });
  const gunzip = gz ? createGunzip({ chunkSize: 256 << 10 }) : null;
  if (gunzip) {
    input.on('error', (err) => gunzip.destroy(err));
    input.pipe(gunzip);
  }
  const stream: AsyncIterable<Buffer> = gunzip ?? input;
  let decoder: TextDecoder | null = null;
  let bytes = 0;
  try {
    try {
      for await (const chunk of stream) {
        let buf = chunk;
        bytes += buf.length;
        if (bytes > limits.maxBytes) throw where(parser, `aborted: more than ${limits.maxBytes} bytes of XML (limit)`);
        if (gz && bytes > 64 << 20 && bytes > limits.maxRatio * size) {
          throw where(parser, `aborted: the file inflates more than ${limits.maxRatio}× (${bytes} bytes from ${size}); a zip bomb?`);
        }
        if (!decoder) {
          let enc: { label: string; skip: number };
          try {
            enc = pickEncoding(buf);
          } catch (err) {
            throw where(null, (err as Error).message);
          }
          decoder = new TextDecoder(enc.label, { fatal: true });
          buf = buf.subarray(enc.skip);
        }
        let text: string;
        try {
          text = decoder.decode(buf, { stream: true });
        } catch {
          throw where(parser, `the text is not valid ${decoder.encoding} (wrong encoding?) after this point`);
        }
        parser.write(text);
        if (failed.error) throw failed.error;
        if (parser.position - lastTokenEnd > limits.maxTokenChars) {
          throw where(parser, `aborted: a single XML token is longer than ${limits.maxTokenChars} characters (limit)`);
        }
        if (rows.length >= BATCH_ROWS) yield rows.splice(0, rows.length);
      }
    } catch (err) {
      if (err instanceof IngestError) throw err;
      const msg = (err as Error).message;
      if (gz && /unexpected end of file|incorrect header|invalid|zlib/i.test(msg)) {
        throw where(null, `cannot decompress: ${msg} (truncated or corrupt .gz)`);
      }
      throw where(parser, msg);
    }
    try {
      if (decoder) parser.write(decoder.decode());
      parser.close();
    } catch (err) {
      if (err instanceof IngestError) throw err;
      throw where(parser, `${(err as Error).message}`);
    }
    if (failed.error) throw failed.error;
    if (!sawRoot) throw where(parser, 'no <log> element: not an XES file');
    if (rows.length) yield rows.splice(0, rows.length);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const e = err as Error;
    throw where(parser, e.message);
  } finally {
    input.destroy();
    gunzip?.destroy();
  }
}
