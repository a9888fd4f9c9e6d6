// The XES extractor (IEEE 1849): streams a .xes or .xes.gz file through the XES scanner (scan.ts)
// and yields one row
// per trace (its attributes) and one per event, a trace at a time, in file order. Memory is
// bounded by the largest trace, never by the file: the file is read in chunks, decompressed and
// decoded as it goes, and a trace's rows are handed on when the trace closes.
//
// Guards (each ends the run with an IngestError naming file, line and column):
// - not XML / truncated / not an XES <log> root / empty file: the scanner's well-formedness errors
//   (exact line; the column is that of the offending tag's start);
// - text that is not valid in the declared encoding (UTF-8 unless the declaration or BOM says
//   otherwise; ISO-8859-1, windows-1252 and UTF-16 are decoded too);
// - elements nested deeper than 256 levels;
// - a single token (text run, attribute value, tag) over `maxTokenChars` (a "huge line", or
//   a zip bomb of whitespace: an unfinished token is buffered until it ends);
// - decompressed size over `maxBytes`, or over `maxRatio` × the compressed size once past 64 MiB
//   (a zip bomb of valid-looking markup).
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import type { SourceFile } from '../pipeline/files';
import type { SourceRow } from '../pipeline/source';
import { IngestError } from '../types';
import { ScanError, XmlScanner, type ScanHandler } from './scan';

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

const BATCH_ROWS = 512;

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

/** Length of `buf` without a trailing UTF-8 sequence that the next chunk completes. */
function completeUtf8(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = buf[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** Index of the first byte that is not valid UTF-8 (only called once isUtf8 said there is one). */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    if (need > 0 && !isUtf8(buf.subarray(i, i + need + 1))) return i;
    i += need + 1;
  }
  return buf.length;
}

/** Turns decompressed bytes into text for the scanner: UTF-8 natively, other encodings by TextDecoder. */
class Decoder {
  private pending: Buffer | null = null;
  private readonly other: TextDecoder | null;
  constructor(readonly label: string) {
    this.other = label === 'utf-8' ? null : new TextDecoder(label, { fatal: true });
  }

  /** The text of `chunk`; on invalid bytes, `bad` is the text before them. */
  decode(chunk: Buffer): { text: string; bad: boolean } {
    if (this.other) {
      try {
        return { text: this.other.decode(chunk, { stream: true }), bad: false };
      } catch {
        return { text: '', bad: true };
      }
    }
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    const cut = completeUtf8(buf);
    this.pending = cut < buf.length ? Buffer.from(buf.subarray(cut)) : null;
    const part = buf.subarray(0, cut);
    if (isUtf8(part)) return { text: part.toString('utf8'), bad: false };
    return { text: part.subarray(0, firstInvalidUtf8(part)).toString('utf8'), bad: true };
  }

  /** Whatever the last chunk left open: an error if any. */
  end(): boolean {
    if (this.other) {
      try {
        this.other.decode();
        return true;
      } catch {
        return false;
      }
    }
    return this.pending === null;
  }
}

/**
 * Drives `build(scanner)`'s handler over one XES file: opens, decompresses, decodes and scans it
 * chunk by chunk, yielding after each chunk (the caller hands on what the chunk produced). Applies
 * every limit and turns every failure into an IngestError naming file, line and column.
 */
export async function* scanXesFile(file: SourceFile, limits: XesLimits, build: (scanner: XmlScanner) => ScanHandler): AsyncGenerator<void> {
  const fail = (msg: string, line?: number, column?: number): IngestError =>
    new IngestError(`${file.name}${line ? ` line ${line} column ${column}` : ''}: ${msg}`, file.name, line ?? null);

  let size: number;
  try {
    const st = statSync(file.path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch (err) {
    throw new IngestError(`cannot read ${file.path}: ${(err as Error).message}`, file.name);
  }
  if (size === 0) throw fail('the file is empty (an XES file has a <log> root element)');
  const gz = isGzip(file.path);

  let handler: ScanHandler | null = null;
  const scanner: XmlScanner = new XmlScanner(
    {
      open: (name, names, values, n) => (handler as ScanHandler).open(name, names, values, n),
      close: (name) => (handler as ScanHandler).close(name),
    },
    limits.maxTokenChars,
  );
  handler = build(scanner);

  const at = (err: ScanError): IngestError => fail(err.message, err.line, err.column);
  const atEnd = (msg: string): IngestError => {
    const e = scanner.errorAtEnd(msg);
    return fail(msg, e.line, e.column);
  };

  const input = createReadStream(file.path, { highWaterMark: 256 << 10 });
  const gunzip = gz ? createGunzip({ chunkSize: 256 << 10 }) : null;
  if (gunzip) {
    input.on('error', (err) => gunzip.destroy(err));
    input.pipe(gunzip);
  }
  const stream: AsyncIterable<Buffer> = gunzip ?? input;
  let decoder: Decoder | null = null;
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      let buf = chunk;
      bytes += buf.length;
      if (bytes > limits.maxBytes) throw atEnd(`aborted: more than ${limits.maxBytes} bytes of XML (limit)`);
      if (gz && bytes > 64 << 20 && bytes > limits.maxRatio * size) {
        throw atEnd(`aborted: the file inflates more than ${limits.maxRatio}× (${bytes} bytes from ${size}); a zip bomb?`);
      }
      if (!decoder) {
        let enc: { label: string; skip: number };
        try {
          enc = pickEncoding(buf);
        } catch (err) {
          throw fail((err as Error).message);
        }
        decoder = new Decoder(enc.label);
        buf = buf.subarray(enc.skip);
      }
      const { text, bad } = decoder.decode(buf);
      scanner.write(text);
      if (bad) throw atEnd(`the text is not valid ${decoder.label} (wrong encoding?) after this point`);
      yield;
    }
    if (decoder && !decoder.end()) throw atEnd(`the text is not valid ${decoder.label} (wrong encoding?) after this point`);
    scanner.end();
    yield;
  } catch (err) {
    if (err instanceof IngestError) throw err;
    if (err instanceof ScanError) throw at(err);
    const msg = (err as Error).message;
    if (gz && /unexpected end of file|incorrect header|invalid|zlib/i.test(msg)) {
      throw fail(`cannot decompress: ${msg} (truncated or corrupt .gz)`);
    }
    throw atEnd(msg);
  } finally {
    input.destroy();
    gunzip?.destroy();
  }
}

/**
 * Streams the rows of one XES file. `meta` receives the log-level content as it is read.
 */
export async function* readXesFile(file: SourceFile, meta: XesLogMeta, limits: XesLimits = DEFAULT_LIMITS): AsyncGenerator<XesRow[]> {
  const rows: XesRow[] = [];
  const stack: Frame[] = [];
  const caseNames = new Set<string>();
  let traceNo = 0;
  let traceLine = 0;
  let traceAttrs: XesAttr[] = [];
  let traceEvents: { line: number; attrs: XesAttr[] }[] = [];
  let eventAttrs: XesAttr[] = [];
  let eventLine = 0;

  const attr = (names: string[], values: string[], n: number, name: string): string | undefined => {
    for (let i = 0; i < n; i++) if (names[i] === name) return values[i];
    return undefined;
  };
  const record = (names: string[], values: string[], n: number): Record<string, string> => {
    const out: Record<string, string> = {};
    for (let i = 0; i < n; i++) if (!(names[i] in out)) out[names[i]] = values[i];
    return out;
  };

  const handler = (scanner: XmlScanner): ScanHandler => ({
      open(name, names, values, n) {
        const top = stack[stack.length - 1];
        if (stack.length >= MAX_DEPTH) throw scanner.error(`aborted: elements nested deeper than ${MAX_DEPTH} levels (limit)`);
        if (!top) {
          if (name !== 'log') throw scanner.error(`not an XES file: the root element is <${name}>, not <log>`);
          for (let i = 0; i < n; i++) if (!names[i].startsWith('xmlns')) meta.xes[names[i]] = values[i];
          stack.push({ kind: 'log', attrs: meta.attributes });
          return;
        }
        const type = attrType(name);
        if (type) {
          if (top.kind === 'attr' && top.node) top.attrs = top.node.children ??= [];
          if (top.attrs) {
            // Real files (bpic2012's meta attributes) have attributes without a key: kept as key ''.
            const node: XesAttr = {
              key: attr(names, values, n, 'key') ?? '',
              type,
              value: type === 'list' || type === 'container' ? null : (attr(names, values, n, 'value') ?? ''),
            };
            top.attrs.push(node);
            stack.push({ kind: 'attr', attrs: null, node });
            return;
          }
        }
        if (top.kind === 'attr' && name === 'values') {
          stack.push({ kind: 'attr', attrs: null, node: top.node });
          return;
        }
        if (top.kind === 'log') {
          if (name === 'trace') {
            traceNo++;
            traceLine = scanner.line;
            traceAttrs = [];
            traceEvents = [];
            stack.push({ kind: 'trace', attrs: traceAttrs });
            return;
          }
          const a = record(names, values, n);
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
          eventLine = scanner.line;
          eventAttrs = [];
          stack.push({ kind: 'event', attrs: eventAttrs });
          return;
        }
        stack.push({ kind: 'other', attrs: null });
      },
      close() {
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
          for (let i = 0; i < traceEvents.length; i++) {
            const e = traceEvents[i];
            rows.push({ kind: 'event', file: file.name, row: e.line, raw: `trace ${key} event ${i + 1}`, caseId, traceNo, eventNo: i + 1, attrs: e.attrs });
          }
          traceEvents = [];
        }
      },
  });


  for await (const _ of scanXesFile(file, limits, handler)) {
    if (rows.length >= BATCH_ROWS) yield rows.splice(0, rows.length);
  }
  if (rows.length) yield rows.splice(0, rows.length);
}
