// Collects the mapper's output for a batch of records as staging rows and loads them into the TEMP
// staging tables (sql/queries/ingest/stage_create.sql). A rejected record's rows are taken back,
// so a record loads whole or not at all.
//
// Rows are packed as text (pack.ts: fields joined by U+001F, rows by U+001E) into segments of a
// few thousand rows per table; each segment goes through the appender (tx.append, sql/) as ONE
// string into `stg_chunks`, and stage_unpack.sql splits and types them in DuckDB. One native call
// per few thousand rows instead of one per value (per-value appender calls were the bottleneck),
// a segment is one flat string (no row strings retained for the young generation to trace), and
// segments stay small (DuckDB's string_split slows down badly on multi-megabyte strings).
import type { Tx } from '../../sql';
import { typeOfId } from '../common/keys';
import type { RowReject } from '../common/reject';
import { attrsJson, f, FS, keySignature, PackedRows } from './pack';
import type { Attrs, ChangeInput, Emit, EventInput, HeaderInput, SourceRow } from './source';

const TABLES = ['events', 'objects', 'changes', 'event_object', 'object_object', 'aliases', 'headers', 'requires', 'rejects'] as const;
type Table = (typeof TABLES)[number];

export class Collector implements Emit {
  private readonly tables = new Map<Table, PackedRows>(TABLES.map((t) => [t, new PackedRows()]));
  private readonly marks = new Map<Table, number>();
  private rec = 0;
  /** Position of an event among the run's staged events (events.seq = the store's max + ord). */
  private ord = 0;
  /** Objects the current record emitted: links and relations to them need no existence check. */
  private own: string[] = [];
  private row: SourceRow | null = null;
  private recordKey = '';
  rejected = 0;
  read = 0;

  /** Loads a batch when the packed rows reach `flushAtBytes`. */
  constructor(private readonly flushAtBytes = 32 << 20) {}

  private push(table: Table, packed: string): void {
    (this.tables.get(table) as PackedRows).add(packed);
  }

  begin(row: SourceRow): void {
    this.rec++;
    this.read++;
    this.own.length = 0;
    this.row = row;
    this.recordKey = `${row.file}:${row.row}`;
    for (const [t, rows] of this.tables) {
      rows.sealIfFull();
      this.marks.set(t, rows.mark());
    }
  }

  /** Takes back everything the current record emitted and records the reject. */
  reject(err: RowReject): void {
    for (const [t, rows] of this.tables) rows.rollback(this.marks.get(t) ?? 0);
    const r = this.row as SourceRow;
    this.rejected++;
    const key = this.recordKey === `${r.file}:${r.row}` ? '' : this.recordKey;
    this.push('rejects', [this.rec, f(r.file), r.row, f(key), f(err.field), f(err.reason), f(r.raw)].join(FS));
  }

  get full(): boolean {
    let bytes = 0;
    for (const rows of this.tables.values()) bytes += rows.bytes;
    return bytes >= this.flushAtBytes;
  }

  private unpacking: Promise<void> | null = null;

  /**
   * Hands the batch to DuckDB (inside the run's transaction) and returns while DuckDB unpacks it,
   * so mapping the next batch overlaps with it; the next flush (and `settle`) waits for it.
   */
  async flush(tx: Tx): Promise<void> {
    await this.settle();
    const chunks: [string, string][] = [];
    for (const [table, rows] of this.tables) {
      rows.seal();
      for (const segment of rows.sealed) chunks.push([table, segment]);
      rows.clear();
    }
    if (chunks.length) {
      await tx.append('stg_chunks', chunks);
      const unpacking = tx.script('ingest/stage_unpack');
      unpacking.catch(() => undefined); // handled: settle() rethrows it
      this.unpacking = unpacking;
    }
  }

  /** Waits until the last batch is in the staging tables. */
  async settle(): Promise<void> {
    const pending = this.unpacking;
    this.unpacking = null;
    if (pending) await pending;
  }

  // --- Emit -------------------------------------------------------------------------------------

  key(recordKey: string): void {
    this.recordKey = recordKey;
  }

  event(e: EventInput): void {
    const r = this.row as SourceRow;
    // Concatenation, not an array join: this runs once per event.
    this.push(
      'events',
      this.rec + FS + ++this.ord + FS + f(e.id) + FS + f(e.activity) + FS + f(e.ts) + FS + (e.precision ?? 'second') + FS +
        f(e.header) + FS + f(e.userId) + FS + f(e.userType) + FS + f(e.amount) + FS + f(e.currency) + FS +
        attrsJson(e.attrs) + FS + f(r.file) + FS + f(this.recordKey),
    );
  }

  object(id: string, attrs?: Attrs): void {
    this.own.push(id);
    this.push('objects', [this.rec, f(id), f(typeOfId(id)), attrsJson(attrs), f(this.recordKey), keySignature(attrs)].join(FS));
  }

  change(c: ChangeInput): void {
    this.push(
      'changes',
      [this.rec, f(c.objectId), f(c.ts), f(c.header), f(c.field), f(c.oldValue), f(c.newValue), f(c.eventId)].join(FS),
    );
  }

  link(eventId: string, objectId: string, qualifier: string): void {
    const own = this.own.includes(objectId) ? '1' : '0';
    this.push('event_object', this.rec + FS + f(eventId) + FS + f(objectId) + FS + f(qualifier) + FS + own);
  }

  relate(sourceId: string, targetId: string, qualifier: string): void {
    const own = this.own.includes(sourceId) && this.own.includes(targetId) ? '1' : '0';
    this.push('object_object', [this.rec, f(sourceId), f(targetId), f(qualifier), own].join(FS));
  }

  alias(alias: string, target: string): void {
    this.push('aliases', this.rec + FS + f(alias) + FS + f(target));
  }

  header(h: HeaderInput): void {
    this.push('headers', [this.rec, f(h.key), f(h.ts), f(h.userId), f(h.userType), attrsJson(h.attrs)].join(FS));
  }

  private require(kind: string, ref: string, field: string, reason: string): void {
    const r = this.row as SourceRow;
    this.push('requires', [this.rec, kind, f(ref), f(field), f(reason), f(r.file), r.row, f(this.recordKey), f(r.raw)].join(FS));
  }

  requireObject(objectId: string, field: string, reason: string): void {
    this.require('object', objectId, field, reason);
  }

  requireHeader(key: string, field: string, reason: string): void {
    this.require('header', key, field, reason);
  }
}
