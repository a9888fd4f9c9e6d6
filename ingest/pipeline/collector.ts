// Collects the mapper's output for a batch of records as staging rows and appends them to the TEMP
// staging tables (sql/queries/ingest/stage_create.sql) when the batch is full. A rejected record's
// rows are taken back, so a record loads whole or not at all.
import type { Tx } from '../../sql';
import { contentHash, typeOfId } from '../common/keys';
import type { RowReject } from '../common/reject';
import type { Attrs, ChangeInput, Emit, EventInput, HeaderInput, SourceRow } from './source';

type StageRow = (string | number | null)[];

/** Column kinds of each staging table, in column order (must match stage_create.sql). */
const TABLES = {
  stg_records: 'itit',
  stg_events: 'iittnttttntt',
  stg_objects: 'ittt',
  stg_changes: 'itnttttt',
  stg_event_object: 'ittt',
  stg_object_object: 'ittt',
  stg_aliases: 'itt',
  stg_headers: 'itnttt',
  stg_requires: 'ittttt',
  stg_rejects: 'ititttt',
} as const;
type Table = keyof typeof TABLES;

/**
 * Appends rows with the appender's typed calls (i = INTEGER, n = DOUBLE, t = VARCHAR): several
 * times faster than generic values. The appender belongs to the transaction's connection, so the
 * rows are part of the run's transaction.
 */
async function appendRows(tx: Tx, table: Table, rows: readonly StageRow[]): Promise<void> {
  const kinds = TABLES[table];
  const a = await tx.connection.createAppender(table);
  try {
    if (a.columnCount !== kinds.length) throw new Error(`${table} has ${a.columnCount} columns, the collector writes ${kinds.length}`);
    for (const r of rows) {
      for (let i = 0; i < kinds.length; i++) {
        const v = r[i];
        if (v === null || v === undefined) a.appendNull();
        else if (typeof v === 'string') a.appendVarchar(v);
        else if (kinds.charCodeAt(i) === 105) a.appendInteger(v);
        else a.appendDouble(v);
      }
      a.endRow();
    }
    a.flushSync();
  } finally {
    a.closeSync();
  }
}

/** Attributes as JSON text, without undefined or null values (null would delete on merge). */
export function attrsJson(attrs: Attrs | undefined): string {
  if (!attrs) return '{}';
  let out = '';
  for (const k in attrs) {
    const v = attrs[k];
    if (v === undefined || v === null) continue;
    out += `${out === '' ? '' : ','}${JSON.stringify(k)}:${JSON.stringify(v)}`;
  }
  return `{${out}}`;
}

export class Collector implements Emit {
  private readonly rows = new Map<Table, StageRow[]>((Object.keys(TABLES) as Table[]).map((t) => [t, []]));
  private readonly marks = new Map<Table, number>();
  private pendingCount = 0;
  private rec = 0;
  private idx = 0;
  private row: SourceRow | null = null;
  private recordKey: string | null = null;
  private snapshot = false;
  rejected = 0;
  read = 0;

  constructor(private readonly flushAt = 50_000) {}

  private push(table: Table, values: StageRow): void {
    (this.rows.get(table) as StageRow[]).push(values);
    this.pendingCount++;
  }

  begin(row: SourceRow): void {
    this.rec++;
    this.read++;
    this.idx = 0;
    this.row = row;
    this.recordKey = null;
    this.snapshot = false;
    for (const [t, list] of this.rows) this.marks.set(t, list.length);
  }

  /** Ends a mapped record: registers its key (default: file and row). */
  commit(system: string): void {
    const r = this.row as SourceRow;
    let key = this.recordKey ?? `${system}:${r.file}:${r.row}`;
    if (this.snapshot || this.recordKey === null) key += `#${contentHash(r.raw)}`;
    this.push('stg_records', [this.rec, key, r.file, r.row]);
  }

  /** Takes back everything the current record emitted and records the reject. */
  reject(err: RowReject): void {
    for (const [t, list] of this.rows) {
      const mark = this.marks.get(t) ?? list.length;
      this.pendingCount -= list.length - mark;
      list.length = mark;
    }
    const r = this.row as SourceRow;
    this.rejected++;
    this.push('stg_rejects', [this.rec, r.file, r.row, this.recordKey, err.field, err.reason, r.raw]);
  }

  get full(): boolean {
    return this.pendingCount >= this.flushAt;
  }

  async flush(tx: Tx): Promise<void> {
    for (const [table, list] of this.rows) {
      if (list.length === 0) continue;
      await appendRows(tx, table, list);
      list.length = 0;
    }
    this.pendingCount = 0;
  }

  // --- Emit -------------------------------------------------------------------------------------

  key(recordKey: string, snapshot = false): void {
    this.recordKey = recordKey;
    this.snapshot = snapshot;
  }

  event(e: EventInput): void {
    this.push('stg_events', [
      this.rec,
      this.idx++,
      e.id,
      e.activity,
      e.ts ?? null,
      e.precision ?? 'second',
      e.header ?? null,
      e.userId ?? null,
      e.userType ?? null,
      e.amount ?? null,
      e.currency ?? null,
      attrsJson(e.attrs),
    ]);
  }

  object(id: string, attrs?: Attrs): void {
    this.push('stg_objects', [this.rec, id, typeOfId(id), attrsJson(attrs)]);
  }

  change(c: ChangeInput): void {
    this.push('stg_changes', [
      this.rec,
      c.objectId,
      c.ts ?? null,
      c.header ?? null,
      c.field,
      c.oldValue,
      c.newValue,
      c.eventId ?? null,
    ]);
  }

  link(eventId: string, objectId: string, qualifier: string): void {
    this.push('stg_event_object', [this.rec, eventId, objectId, qualifier]);
  }

  relate(sourceId: string, targetId: string, qualifier: string): void {
    this.push('stg_object_object', [this.rec, sourceId, targetId, qualifier]);
  }

  alias(alias: string, target: string): void {
    this.push('stg_aliases', [this.rec, alias, target]);
  }

  header(h: HeaderInput): void {
    this.push('stg_headers', [this.rec, h.key, h.ts, h.userId, h.userType, attrsJson(h.attrs)]);
  }

  requireObject(objectId: string, field: string, reason: string): void {
    this.push('stg_requires', [this.rec, 'object', objectId, field, reason, (this.row as SourceRow).raw]);
  }

  requireHeader(key: string, field: string, reason: string): void {
    this.push('stg_requires', [this.rec, 'header', key, field, reason, (this.row as SourceRow).raw]);
  }
}
