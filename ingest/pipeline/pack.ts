// Packing of staging rows as text, for the collector (ingest/pipeline/collector.ts): fields
// joined by U+001F, rows by U+001E, segments of at most SEGMENT_ROWS rows joined into one string
// each; sql/queries/ingest/stage_unpack.sql reads them back.
import type { Attrs } from './source';

export const FS = '\x1f';
export const RS = '\x1e';
const SEPARATORS = /[\x1e\x1f]/g;
const SEGMENT_ROWS = 2048;

/** A field as packed text: null -> '' (read back as NULL), separators replaced (never in real data). */
export function f(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return v.indexOf(FS) < 0 && v.indexOf(RS) < 0 ? v : v.replace(SEPARATORS, '\uFFFD');
}

/** Attributes as JSON text, without undefined or null values (null would delete on merge). */
export function attrsJson(attrs: Attrs | undefined): string {
  if (!attrs) return '{}';
  let out = '';
  for (const k in attrs) {
    const v = attrs[k];
    if (v === undefined || v === null) continue;
    const value = typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' && !Number.isFinite(v) ? 'null' : String(v);
    out += `${out === '' ? '' : ','}"${k}":${value}`;
  }
  return `{${out}}`;
}

/**
 * A hash of the names of the attributes that attrsJson writes: objects whose records all set the
 * same names need no merging (the last record's attributes win).
 */
export function keySignature(attrs: Attrs | undefined): number {
  let h = 0x811c9dc5;
  if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v === undefined || v === null) continue;
      for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 16777619);
      h = Math.imul(h ^ 44, 16777619);
    }
  }
  return h >>> 0;
}

/** Packed rows of one staging table: sealed segments (one string each) plus the open one. */
export class PackedRows {
  private open: string[] = [];
  readonly sealed: string[] = [];
  sealedBytes = 0;
  private openChars = 0;

  get bytes(): number {
    return this.sealedBytes + this.openChars;
  }

  add(row: string): void {
    this.open.push(row);
    this.openChars += row.length + 1;
  }

  /** Closes the open segment if it is full; only called between records. */
  sealIfFull(): void {
    if (this.open.length >= SEGMENT_ROWS) this.seal();
  }

  seal(): void {
    if (this.open.length === 0) return;
    const text = this.open.join(RS);
    this.sealed.push(text);
    this.sealedBytes += text.length;
    this.open = [];
    this.openChars = 0;
  }

  mark(): number {
    return this.open.length;
  }

  rollback(mark: number): void {
    this.open.length = mark;
  }

  clear(): void {
    this.sealed.length = 0;
    this.sealedBytes = 0;
  }
}
