// The hash chain, pure: an entry's canonical text and its hash. Kept apart from the store so the
// rule that makes tampering visible is small enough to read at once.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  /** Canonical JSON text (canonicalJson). */
  detail: string;
}

/** JSON with object keys sorted at every depth, so equal details always give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? {}, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** sha256 hex over the entry's fields (as a JSON array: no separator can be forged) and the previous hash. */
export function entryHash(e: AuditFields, prevHash: string): string {
  const text = JSON.stringify([e.seq, e.at, e.actor, e.action, e.target, e.detail, prevHash]);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
