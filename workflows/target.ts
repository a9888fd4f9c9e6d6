// What a run acts on: one exception row (mining/exceptions ExceptionRow's fields that matter here).
import type { Playbook } from './playbook';

export interface RunTarget {
  logId?: string | null;
  queue: string;
  caseId: string;
  /** delivery:…, invoice:…, dispute:…, order_line:…; null = the order itself. */
  objectId?: string | null;
  amount?: number | null;
  currency?: string | null;
  team?: string | null;
  warehouse?: string | null;
  segment?: string | null;
  /** When the row started waiting (ISO); kept on the run for the savings report. */
  since?: string | null;
  /** Its age in seconds as of the log's newest event, when requested. */
  ageSeconds?: number | null;
  /** A risk score 0–1 (model suggestions later); absent = not scored. */
  risk?: number | null;
}

/** The key of an object id ('delivery:80001234' → '80001234'; a bare key stays as it is). */
export const keyOf = (id: string): string => id.slice(id.indexOf(':') + 1);

/** Why a target does not fit a playbook, or null when it does. */
export function mismatch(pb: Playbook, t: RunTarget): string | null {
  if (!pb.appliesTo.queues.includes(t.queue)) return `playbook ${pb.id} applies to ${pb.appliesTo.queues.join(', ')}, not to queue ${t.queue}`;
  if (pb.appliesTo.team && t.team !== pb.appliesTo.team) return `playbook ${pb.id} applies to rows owned by ${pb.appliesTo.team}, not ${t.team ?? 'no team'}`;
  return null;
}
