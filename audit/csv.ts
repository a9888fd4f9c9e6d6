// The trail as CSV (the export route): one line per entry, oldest first, with both hashes so a
// copy kept elsewhere can be checked against the store later.
import type { AuditRow } from './trail';

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function auditCsv(rows: readonly (AuditRow & { prevHash?: string })[]): string {
  const head = 'seq,at,actor,action,target,detail,hash\n';
  return head + rows.map((r) => [r.seq, r.at, r.actor, r.action, r.target, r.detail, r.hash].map(cell).join(',')).join('\n') + (rows.length ? '\n' : '');
}
