// {{placeholders}} in a playbook's path, payload and notification texts, filled from the target.
// A value that is exactly one placeholder keeps its type (an amount stays a number); inside a
// longer string it is written as text. An unknown placeholder is an error, never an empty string.
import { addBusinessDays, formatISO } from 'date-fns';
import type { Playbook } from './playbook';
import { keyOf, type RunTarget } from './target';

export type Vars = Record<string, string | number | null>;

export function templateVars(pb: Playbook, t: RunTarget, runId: string, now: Date): Vars {
  const due = 'dueInDays' in pb.action && pb.action.dueInDays ? formatISO(addBusinessDays(now, pb.action.dueInDays), { representation: 'date' }) : null;
  return {
    runId,
    logId: t.logId ?? null,
    queue: t.queue,
    caseId: t.caseId,
    orderKey: keyOf(t.caseId),
    objectId: t.objectId ?? null,
    objectKey: t.objectId ? keyOf(t.objectId) : keyOf(t.caseId),
    amount: t.amount ?? null,
    currency: t.currency ?? null,
    team: t.team ?? null,
    warehouse: t.warehouse ?? null,
    dueDate: due,
    playbook: pb.id,
  };
}

const ONE = /^\{\{\s*([A-Za-z]+)\s*\}\}$/;
const ANY = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

function lookup(vars: Vars, name: string, where: string): string | number | null {
  if (!(name in vars)) throw new Error(`${where}: unknown placeholder {{${name}}} (known: ${Object.keys(vars).join(', ')})`);
  return vars[name];
}

export function fillString(s: string, vars: Vars, where: string, encode = false): string {
  return s.replace(ANY, (_, name: string) => {
    const v = String(lookup(vars, name, where) ?? '');
    return encode ? encodeURIComponent(v) : v;
  });
}

export function fillValue(v: unknown, vars: Vars, where: string): unknown {
  if (typeof v === 'string') {
    const one = ONE.exec(v);
    return one ? lookup(vars, one[1], where) : fillString(v, vars, where);
  }
  if (Array.isArray(v)) return v.map((x, i) => fillValue(x, vars, `${where}[${i}]`));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillValue(x, vars, `${where}.${k}`)]));
  return v;
}
