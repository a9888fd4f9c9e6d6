// What a source plugs into the pipeline: an extractor that streams rows, and a mapper that turns
// one row into canonical records (through `Emit`) or throws a RowReject.
import type { RunKind } from '../types';

/** One source record with its location; `raw` is the line as read (for rejects and hashing). */
export interface SourceRow {
  file: string;
  row: number;
  raw: string;
  /** Set by the extractor when the record cannot be split into fields (wrong field count, bad JSON). */
  malformed?: { field: string | null; reason: string };
}

export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue>;
export type UserType = 'human' | 'system';

export interface EventInput {
  /** docs/model.md event id, e.g. `sap:VBAK:10000045`. */
  id: string;
  activity: string;
  /** UTC epoch ms; omit when `header` supplies it. */
  ts?: number;
  /** Key of a header record (CDHDR) that supplies time, user and attributes at merge time. */
  header?: string;
  precision?: 'second' | 'day';
  userId?: string | null;
  userType?: UserType | null;
  amount?: number | null;
  currency?: string | null;
  attrs?: Attrs;
}

export interface ChangeInput {
  objectId: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  ts?: number;
  header?: string;
  eventId?: string | null;
}

export interface HeaderInput {
  key: string;
  ts: number;
  userId: string | null;
  userType: UserType | null;
  attrs?: Attrs;
}

/**
 * The mapper's output channel. Object and event references may be aliases that another record
 * defines with `alias()`: `~name` must be defined by this run or an earlier one, else the relation
 * is dropped (not the record); `~~name` may also be defined by a later run, and the relation waits
 * in pending_relations until then.
 */
export interface Emit {
  /** The record's key (lineage: events.source_key, objects.source_key, rejects.record_key). */
  key(recordKey: string): void;
  event(e: EventInput): void;
  /** An object the record creates or adds attributes to; the type comes from the id prefix. */
  object(id: string, attrs?: Attrs): void;
  change(c: ChangeInput): void;
  link(eventId: string, objectId: string, qualifier: string): void;
  relate(sourceId: string, targetId: string, qualifier: string): void;
  alias(alias: string, target: string): void;
  header(h: HeaderInput): void;
  /** The record is rejected at merge time if this object exists neither in the run nor the store. */
  requireObject(objectId: string, field: string, reason: string): void;
  /** The record is rejected at merge time if no record of the run defines this header. */
  requireHeader(key: string, field: string, reason: string): void;
}

export interface Source<R extends SourceRow = SourceRow> {
  kind: RunKind;
  /** events.source_system / rejects.source_system. */
  system: string;
  /** Streams the rows of a folder (or one file) in source order, a chunk at a time. */
  read(path: string): AsyncIterable<R[]>;
  /** Creates the mapper state for one run (e.g. the SAP user directory). */
  mapper(): (row: R, out: Emit) => void;
}
