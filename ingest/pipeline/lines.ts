// Streams a text file as chunks of lines (64 KiB reads), so memory stays flat whatever the size.
import { createReadStream } from 'node:fs';
import { IngestError } from '../types';

/** Yields arrays of lines without their `\n` (a trailing `\r` is removed too), in file order. */
export async function* readLines(path: string, name: string): AsyncGenerator<string[]> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  let rest = '';
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let text = rest + chunk;
      if (first) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i];
        if (l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
      }
      if (lines.length > 0) yield lines;
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(`cannot read ${name}: ${(err as Error).message}`, name);
  }
  if (rest.charCodeAt(rest.length - 1) === 13) rest = rest.slice(0, -1);
  if (rest !== '') yield [rest];
}
