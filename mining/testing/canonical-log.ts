// A small builder for hand-made canonical logs in tests: objects, events (with their related
// objects) and object-to-object relations, written through the store's appender in one
// transaction. Column order follows sql/schema/001_core.sql.
import type { Store } from '../../sql';

type Value = string | number | boolean | null;

export interface EventSpec {
  id: string;
  activity: string;
  /** 'YYYY-MM-DD HH:MM:SS' (UTC) */
  ts: string;
  /** Object ids; the qualifier defaults to the object type (the id's prefix). */
  objects: (string | [string, string])[];
  user?: string | null;
  userType?: 'human' | 'system' | null;
  amount?: number | null;
  precision?: 'second' | 'day';
  attrs?: Record<string, unknown>;
  system?: string;
}

export class CanonicalLog {
  private seq: number;
  readonly events: Value[][] = [];
  readonly objects: Value[][] = [];
  readonly eventObject: Value[][] = [];
  readonly objectObject: Value[][] = [];

  /** `firstSeq`: load order of the first event (events.seq), for logs appended to a store. */
  constructor(readonly logId = 'o2c', readonly kind = 'o2c', readonly runId = 'test-run', firstSeq = 1) {
    this.seq = firstSeq - 1;
  }

  object(id: string, attrs: Record<string, unknown> = {}, type = id.split(':')[0]): this {
    this.objects.push([this.logId, id, type, JSON.stringify(attrs), 'test', id, this.runId]);
    return this;
  }

  relate(source: string, target: string, qualifier: string): this {
    this.objectObject.push([this.logId, source, target, qualifier, this.runId]);
    return this;
  }

  event(e: EventSpec): this {
    this.seq += 1;
    this.events.push([
      this.logId, e.id, e.activity, e.ts, e.precision ?? 'second', this.seq, e.user ?? null,
      e.userType ?? null, e.amount ?? null, e.amount == null ? null : 'USD',
      e.attrs ? JSON.stringify(e.attrs) : null, e.system ?? 'test', null, e.id, this.runId,
    ]);
    for (const o of e.objects) {
      const [id, q] = typeof o === 'string' ? [o, o.split(':')[0]] : o;
      this.eventObject.push([this.logId, e.id, id, q]);
    }
    return this;
  }

  /** Writes everything in one transaction; `register` also adds the log to `logs`. */
  async write(store: Store, register = true): Promise<void> {
    await store.transaction(async (tx) => {
      if (register) await tx.append('logs', [[this.logId, this.logId, this.kind, '2025-01-01 00:00:00']]);
      await tx.append('events', this.events);
      await tx.append('objects', this.objects);
      await tx.append('event_object', this.eventObject);
      await tx.append('object_object', this.objectObject);
    });
  }
}
