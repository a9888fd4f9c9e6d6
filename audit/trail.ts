// Writing and checking the audit trail (table audit_log, migration 051; SQL in sql/queries/audit).
// Appends run on the store's single writer, so two appends never take the same seq.
import type { Store, Tx } from '../sql';
import { canonicalJson, entryHash, GENESIS_HASH, type AuditFields } from './chain';

export interface AuditInput {
  /** Who: a user id, `local-admin` (the CLI's token), `anonymous`, or `system`. */
  actor: string;
  /** What, as `area.verb`: `auth.signin`, `auth.signin_failed`, `ingest.run`, `workflow.approve`… */
  action: string;
  /** On what: a run id, a log id, a user id… */
  target?: string | null;
  /** Anything else worth keeping, as JSON. Never a password, session id or token. */
  detail?: Record<string, unknown>;
  /** Defaults to now. */
  at?: Date;
}

export interface AuditEntry extends AuditFields {
  prevHash: string;
  hash: string;
}

type Writer = Store | Tx;
const isStore = (w: Writer): w is Store => typeof (w as Store).transaction === 'function';

/**
 * Appends one entry: in a transaction of its own when given the store, or inside the caller's
 * transaction when given a `Tx` (then it commits or rolls back with the caller's work).
 */
export function append(w: Writer, input: AuditInput): Promise<AuditEntry> {
  return isStore(w) ? w.transaction((tx) => appendIn(tx, input)) : appendIn(w, input);
}

async function appendIn(tx: Tx, input: AuditInput): Promise<AuditEntry> {
  const [last] = await tx.query<{ seq: number; hash: string }>('audit/last');
  const [entry] = chainOn(last, [input]);
  const { prevHash, ...fields } = entry;
  await tx.query('audit/insert', { ...fields, prev_hash: prevHash });
  return entry;
}

/**
 * Appends several entries, in order, inside the caller's transaction with two statements in all
 * (the last entry, one appender batch) instead of two per entry: a request for a selection of a
 * thousand exception rows writes a thousand entries.
 */
export async function appendMany(tx: Tx, inputs: readonly AuditInput[]): Promise<AuditEntry[]> {
  if (inputs.length === 0) return [];
  const [last] = await tx.query<{ seq: number; hash: string }>('audit/last');
  const entries = chainOn(last, inputs);
  // Column order of audit_log (migration 051): seq, recorded_at, actor, action, target, detail, prev_hash, hash.
  await tx.appendTyped('audit_log', 'ivvvvvvv', entries.map((e) => [e.seq, e.at, e.actor, e.action, e.target, e.detail, e.prevHash, e.hash]));
  return entries;
}

function chainOn(last: { seq: number; hash: string } | undefined, inputs: readonly AuditInput[]): AuditEntry[] {
  let seq = Number(last?.seq ?? 0);
  let prevHash = last?.hash ?? GENESIS_HASH;
  return inputs.map((input) => {
    const fields: AuditFields = {
      seq: ++seq,
      at: (input.at ?? new Date()).toISOString(),
      actor: input.actor,
      action: input.action,
      target: input.target ?? null,
      detail: canonicalJson(input.detail ?? {}),
    };
    const hash = entryHash(fields, prevHash);
    const entry = { ...fields, prevHash, hash };
    prevHash = hash;
    return entry;
  });
}

export type VerifyResult = { ok: true; entries: number } | { ok: false; entries: number; brokenSeq: number; reason: string };

/**
 * Walks the whole trail in seq order: seqs must run 1, 2, 3… without a gap, each entry must name
 * the previous entry's hash and hash to what it stores. Answers the first broken seq.
 * (Removing the newest entries leaves a valid shorter chain: compare `entries` with a count kept
 * elsewhere — an export, a monitoring system — to see that.)
 */
export async function verify(store: Pick<Store, 'query'>): Promise<VerifyResult> {
  const rows = await store.query<{ seq: number; at: string; actor: string; action: string; target: string | null; detail: string; prev_hash: string; hash: string }>('audit/all');
  let prev = GENESIS_HASH;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const broken = (reason: string): VerifyResult => ({ ok: false, entries: rows.length, brokenSeq: r.seq, reason });
    if (r.seq !== i + 1) return broken(`expected seq ${i + 1}, found ${r.seq}: an entry was removed or renumbered`);
    if (r.prev_hash !== prev) return broken(`entry ${r.seq} does not follow entry ${r.seq - 1} (previous hash differs)`);
    if (entryHash(r, r.prev_hash) !== r.hash) return broken(`entry ${r.seq} was changed after it was written (hash differs)`);
    prev = r.hash;
  }
  return { ok: true, entries: rows.length };
}

export interface AuditListInput {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  hash: string;
}

/** A page of entries, newest first, and how many match. */
export async function list(store: Pick<Store, 'query'>, q: AuditListInput = {}): Promise<{ total: number; entries: AuditRow[] }> {
  const where = { actor: q.actor ?? null, action: q.action ?? null, from: q.from ?? null, to: q.to ?? null };
  const [count] = await store.query<{ n: number }>('audit/count', where);
  const rows = await store.query<Omit<AuditRow, 'detail'> & { detail: string }>('audit/list', { ...where, limit: q.limit ?? 100, offset: q.offset ?? 0 });
  return { total: count.n, entries: rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> })) };
}

/**
 * Appends without making the caller wait for the store's writer (a notebook run must not queue
 * behind a long ingest to answer). A failure is logged, never thrown: the action already happened.
 */
export function appendSoon(store: Store, input: AuditInput): void {
  append(store, input).catch((err: unknown) => console.error(`audit: could not record ${input.action} by ${input.actor}:`, err instanceof Error ? err.message : err));
}
