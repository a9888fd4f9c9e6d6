// The SLA policy as code: policies/sla.json (rules) and policies/calendars.json (site calendars),
// checked with zod; every error names the file, the rule and the field. policies/README.md
// documents the format for the people who edit it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policiesDir } from '../policies-dir';
import { z } from 'zod';
import { ALWAYS_OPEN, ALWAYS_OPEN_ID, compileCalendar, type Calendar, type CalendarSpec } from '../calendar';

const HOUR = 3600;

/** Which case attributes a rule can be scoped by (columns of `cases`). */
export const SCOPE_FIELDS = ['segment', 'channel', 'order_type', 'warehouse'] as const;
export type ScopeField = (typeof SCOPE_FIELDS)[number];

export interface SlaRule {
  id: string;
  label: string;
  /** Plain-language statement of the rule, shown to users. */
  description: string;
  /** 'case': start and end are paired within one case's trace; else an object type (delivery, dispute): within one object's events. */
  per: string;
  start: string;
  end: string[];
  /** As written: exactly one of businessHours, businessDays (× the calendar's businessDayHours), hours (elapsed). */
  within: { businessHours?: number; businessDays?: number; hours?: number };
  /** The calendar the clock runs on ('24x7' for elapsed hours). */
  calendar: string;
  allowanceSeconds: number;
  /** Activities that restart the clock (it then runs from the latest of them). */
  restartOn: string[];
  /** While one of these is open (set, not yet cleared) in the case, an open clock is exempt. */
  exemptWhileOpen: { set: string; clear: string }[];
  /** Case attribute filter: the rule applies to cases whose attribute is in the list (every listed field). */
  scope: Partial<Record<ScopeField, string[]>>;
  /** Breach severity by how far past due (business time over ÷ allowance, %): minor below majorFromPct, critical above criticalAbovePct. */
  severity: { majorFromPct: number; criticalAbovePct: number };
  /** An open clock is at risk once it has used this share (%) of its allowance. */
  atRiskPct: number;
}

export interface SlaPolicy {
  version: string;
  changeNote: string;
  history: { version: string; note: string }[];
  rules: SlaRule[];
  calendars: Map<string, Calendar>;
  calendarSpecs: CalendarSpec[];
  calendarsVersion: string;
  /** sha256 of both files' checked content: what an evaluation was made with. */
  hash: string;
}

const name = z.string().min(1);
const pct = z.number().min(0).max(1000);
const severity = z.strictObject({ majorFromPct: pct, criticalAbovePct: pct }).refine((s) => s.criticalAbovePct >= s.majorFromPct, {
  message: 'criticalAbovePct must be at least majorFromPct',
});
const positive = z.number().positive();
const within = z
  .strictObject({ businessHours: positive.optional(), businessDays: positive.optional(), hours: positive.optional() })
  .refine((w) => Object.values(w).filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of businessHours, businessDays, hours',
  });

const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
  label: name,
  description: z.string().min(20, 'describe the rule for users in a sentence or more'),
  per: name.default('case'),
  start: name,
  end: z.array(name).min(1),
  within,
  calendar: name.optional(),
  restartOn: z.array(name).default([]),
  exemptWhileOpen: z.array(z.strictObject({ set: name, clear: name })).default([]),
  scope: z.strictObject(Object.fromEntries(SCOPE_FIELDS.map((f) => [f, z.array(name).min(1).optional()])) as Record<ScopeField, z.ZodOptional<z.ZodArray<z.ZodString>>>).default({}),
  severity: severity.optional(),
  atRiskPct: z.number().gt(0).lt(100).optional(),
});

const slaSchema = z.strictObject({
  $schema: z.string().optional(),
  version: name,
  changeNote: name,
  history: z.array(z.strictObject({ version: name, note: name })).default([]),
  defaults: z.strictObject({ severity, atRiskPct: z.number().gt(0).lt(100) }),
  rules: z.array(ruleSchema).min(1),
});

const calendarSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
  label: z.string().optional(),
  timeZone: name,
  alwaysOpen: z.boolean().optional(),
  week: z.record(z.string(), z.array(z.string())).optional(),
  holidays: z.array(z.string()).optional(),
  businessDayHours: z.number().optional(),
});
const calendarsSchema = z.strictObject({
  $schema: z.string().optional(),
  version: name,
  changeNote: name,
  calendars: z.array(calendarSchema).min(1),
});

/** A policy error: which file, which rule (or calendar), which field. */
export class PolicyError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'PolicyError';
  }
}

const fieldPath = (path: readonly PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');

function where(raw: unknown, list: 'rules' | 'calendars', path: readonly PropertyKey[]): string {
  if (path[0] === list && typeof path[1] === 'number') {
    const item = (raw as Record<string, { id?: unknown }[]>)[list]?.[path[1]];
    const id = typeof item?.id === 'string' ? `"${item.id}" ` : '';
    const what = list === 'rules' ? 'rule' : 'calendar';
    const rest = fieldPath(path.slice(2));
    return `${what} ${id}(${list}[${path[1]}])${rest ? `, field ${rest}` : ''}`;
  }
  return path.length ? `field ${fieldPath(path)}` : 'the file';
}

function check<T>(schema: z.ZodType<T>, raw: unknown, file: string, list: 'rules' | 'calendars'): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const lines = r.error.issues.slice(0, 5).map((i) => `${where(raw, list, i.path)}: ${i.message}`);
  throw new PolicyError(file, lines.join('; '));
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new PolicyError(file, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

export { policiesDir };

/**
 * Checks and compiles a policy from the two files' text. `names` are the file names used in
 * error messages.
 */
export function parseSlaPolicy(
  slaText: string,
  calendarsText: string,
  names = { sla: 'policies/sla.json', calendars: 'policies/calendars.json' },
): SlaPolicy {
  const calRaw = parseJson(calendarsText, names.calendars);
  const cals = check(calendarsSchema, calRaw, names.calendars, 'calendars');
  const calendars = new Map<string, Calendar>([[ALWAYS_OPEN_ID, ALWAYS_OPEN]]);
  cals.calendars.forEach((c, i) => {
    if (calendars.has(c.id)) throw new PolicyError(names.calendars, `calendar "${c.id}" (calendars[${i}]), field id: ${c.id === ALWAYS_OPEN_ID ? 'is built in' : 'is used twice'}`);
    try {
      calendars.set(c.id, compileCalendar(c as CalendarSpec));
    } catch (err) {
      throw new PolicyError(names.calendars, `${(err as Error).message.replace(/^calendar "[^"]*": /, `calendar "${c.id}" (calendars[${i}]), field `)}`);
    }
  });

  const raw = parseJson(slaText, names.sla);
  const doc = check(slaSchema, raw, names.sla, 'rules');
  const seen = new Set<string>();
  const rules = doc.rules.map((r, i): SlaRule => {
    const at = (field: string, msg: string) => new PolicyError(names.sla, `rule "${r.id}" (rules[${i}]), field ${field}: ${msg}`);
    if (seen.has(r.id)) throw at('id', 'is used by an earlier rule');
    seen.add(r.id);
    let calendar: Calendar;
    let seconds: number;
    if (r.within.hours !== undefined) {
      if (r.calendar !== undefined && r.calendar !== ALWAYS_OPEN_ID) {
        throw at('calendar', `an elapsed rule (within.hours) runs around the clock; use businessHours to measure on "${r.calendar}"`);
      }
      calendar = ALWAYS_OPEN;
      seconds = r.within.hours * HOUR;
    } else {
      if (r.calendar === undefined) throw at('calendar', 'a rule measured in business hours or days needs a calendar');
      const c = calendars.get(r.calendar);
      if (!c) throw at('calendar', `"${r.calendar}" is not in ${names.calendars} (have: ${[...calendars.keys()].join(', ')})`);
      calendar = c;
      seconds = r.within.businessHours !== undefined ? r.within.businessHours * HOUR : (r.within.businessDays as number) * c.businessDayHours * HOUR;
    }
    for (const p of r.exemptWhileOpen) if (p.set === p.clear) throw at('exemptWhileOpen', `set and clear are both "${p.set}"`);
    return {
      id: r.id,
      label: r.label,
      description: r.description,
      per: r.per,
      start: r.start,
      end: r.end,
      within: r.within,
      calendar: calendar.id,
      allowanceSeconds: Math.round(seconds),
      restartOn: r.restartOn,
      exemptWhileOpen: r.exemptWhileOpen,
      scope: Object.fromEntries(Object.entries(r.scope).filter(([, v]) => v !== undefined)),
      severity: r.severity ?? doc.defaults.severity,
      atRiskPct: r.atRiskPct ?? doc.defaults.atRiskPct,
    };
  });
  const hash = createHash('sha256').update(JSON.stringify([doc, cals])).digest('hex').slice(0, 16);
  return {
    version: doc.version,
    changeNote: doc.changeNote,
    history: doc.history,
    rules,
    calendars,
    calendarSpecs: cals.calendars as CalendarSpec[],
    calendarsVersion: cals.version,
    hash,
  };
}

/** Reads and checks policies/sla.json and policies/calendars.json (or those in `dir`). */
export function loadSlaPolicy(dir = policiesDir()): SlaPolicy {
  const read = (f: string): string => {
    try {
      return readFileSync(join(dir, f), 'utf8');
    } catch {
      throw new PolicyError(join(dir, f), 'cannot be read');
    }
  };
  return parseSlaPolicy(read('sla.json'), read('calendars.json'), { sla: join(dir, 'sla.json'), calendars: join(dir, 'calendars.json') });
}
