// Streaming NDJSON: one JSON object per line; a line that is not a JSON object is a malformed
// record (rejected), not an unreadable file. Row numbers are line numbers from 1.
import { readLines } from './lines';
import type { SourceFile } from './files';
import type { SourceRow } from './source';

export interface JsonRow extends SourceRow {
  value: Record<string, unknown>;
}

export async function* readNdjson(file: SourceFile): AsyncGenerator<JsonRow[]> {
  let lineNo = 0;
  for await (const lines of readLines(file.path, file.name)) {
    const out: JsonRow[] = [];
    for (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      const row: JsonRow = { file: file.name, row: lineNo, raw: line, value: {} };
      try {
        const v: unknown = JSON.parse(line);
        if (v && typeof v === 'object' && !Array.isArray(v)) row.value = v as Record<string, unknown>;
        else row.malformed = { field: null, reason: 'not a JSON object' };
      } catch (err) {
        row.malformed = { field: null, reason: `invalid JSON: ${(err as Error).message}` };
      }
      out.push(row);
    }
    if (out.length > 0) yield out;
  }
}

/** Reads a nested property (`a.b.c`) of a JSON record, or undefined. */
export function pick(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const p of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** A string property (numbers are turned into text); '' when absent or null. */
export function str(value: unknown, path: string): string {
  const v = pick(value, path);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return '';
}
