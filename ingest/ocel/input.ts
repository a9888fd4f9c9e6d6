// Reading an OCEL file's bytes: gzip inflated through a stream with a hard size cap (a zip bomb
// stops at the cap, not at the memory limit), empty files and non-UTF-8 text are clear errors.
import { isUtf8 } from 'node:buffer';
import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { IngestError } from '../types';

/** Default cap on a file's (inflated) size: 256 MiB; THROUGHLINE_OCEL_MAX_BYTES overrides. */
export function defaultMaxBytes(): number {
  const env = Number(process.env.THROUGHLINE_OCEL_MAX_BYTES);
  return Number.isFinite(env) && env > 0 ? env : 256 * 1024 * 1024;
}

export function isGzip(path: string): boolean {
  return /\.gz$/i.test(path);
}

function checkFile(path: string, maxBytes: number): void {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a regular file');
    size = st.size;
  } catch (err) {
    throw new IngestError(`${path}: cannot read the file (${(err as Error).message})`, path);
  }
  if (size === 0) throw new IngestError(`${path}: the file is empty`, path);
  if (!isGzip(path) && size > maxBytes) {
    throw new IngestError(`${path}: the file is ${size} bytes, more than the limit of ${maxBytes} bytes`, path);
  }
}

/** The file's bytes as they arrive, inflated if it ends in .gz, at most `maxBytes` of them in all. */
export async function* byteChunks(path: string, maxBytes: number): AsyncGenerator<Buffer> {
  checkFile(path, maxBytes);
  let total = 0;
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = isGzip(path) ? input.pipe(createGunzip({ chunkSize: 1 << 20 })) : input;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        throw new IngestError(
          `${path}: inflates to more than the limit of ${maxBytes} bytes (a zip bomb, or set THROUGHLINE_OCEL_MAX_BYTES)`,
          path,
        );
      }
      yield chunk;
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(`${path}: cannot ${isGzip(path) ? 'inflate' : 'read'} the file (${(err as Error).message})`, path);
  } finally {
    input.destroy();
    if (stream !== input) (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
  }
  if (total === 0) throw new IngestError(`${path}: the file is empty`, path);
}

/** The file's bytes, inflated if it ends in .gz, at most `maxBytes` of them. */
export async function readBytes(path: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of byteChunks(path, maxBytes)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * The file as UTF-8 text, chunk by chunk; a UTF-16 BOM or an invalid byte sequence is an error
 * naming the line (`lineOf()` says how far the consumer got).
 */
export async function* textChunks(path: string, maxBytes: number, lineOf: () => number): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  for await (const chunk of byteChunks(path, maxBytes)) {
    if (first && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      throw new IngestError(`${path}: the file is UTF-16 encoded; OCEL files must be UTF-8`, path, 1);
    }
    first = false;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      // Locate the bad byte's line: the consumer's line plus the lines of this chunk before it.
      const line = lineOf() + linesBeforeInvalid(chunk);
      throw new IngestError(`${path}: not valid UTF-8 (line ${line})`, path, line, 'encoding');
    }
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new IngestError(`${path}: not valid UTF-8 (the file ends inside a character)`, path, lineOf(), 'encoding');
  }
}

/** Newlines of the chunk before its first invalid byte sequence (decoded with replacement characters). */
function linesBeforeInvalid(b: Buffer): number {
  const text = b.toString('utf8');
  const bad = text.indexOf('\uFFFD');
  return (bad < 0 ? text : text.slice(0, bad)).split('\n').length - 1;
}

/** The bytes as UTF-8 text; a UTF-16 BOM or an invalid byte sequence is an error naming the line. */
export function utf8Text(path: string, bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new IngestError(`${path}: the file is UTF-16 encoded; OCEL files must be UTF-8`, path, 1);
  }
  const text = bytes.toString('utf8');
  if (!isUtf8(bytes)) {
    const bad = text.indexOf('\uFFFD');
    const line = bad < 0 ? null : text.slice(0, bad).split('\n').length;
    throw new IngestError(`${path}: not valid UTF-8${line ? ` (line ${line})` : ''}`, path, line, 'encoding');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
