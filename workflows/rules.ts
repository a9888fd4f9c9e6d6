// Rules as code: policies/rules/<id>.json — which playbook runs on which exception queue's rows
// after each ingest, and on which rows (age in business hours on an SLA calendar, amount under a
// limit, warehouses, segments). Checked on load against the playbooks and the calendars; an error
// names the file and the field, like the playbooks'.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { businessSeconds, EXCEPTION_QUEUE_IDS, type Calendar, type ExceptionRow } from '../mining';
import type { Playbook } from './playbook';
import { parsePolicyFile, policiesSubdir } from './policy-file';

const queueId = z.enum(EXCEPTION_QUEUE_IDS as [string, ...string[]]);

export const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'an id is lower-case letters, digits and dashes'),
    version: z.string().min(1),
    changeNote: z.string().min(1),
    title: z.string().min(1),
    description: z.string().min(1),
    /** Off unless true: a rule acts in the source systems without a person asking. */
    enabled: z.boolean(),
    playbook: z.string().min(1),
    queue: queueId,
    when: z
      .object({
        /** The row has waited at least this many business hours on `calendar` (as of the log's newest event). */
        minBusinessHours: z.number().min(0).optional(),
        /** A calendar id of policies/calendars.json; '24x7' = elapsed hours. Required with minBusinessHours. */
        calendar: z.string().min(1).optional(),
        /** The row's amount is known and below this (in its currency). */
        amountBelow: z.number().positive().optional(),
        /** Only rows of these warehouses (a multi-warehouse row matches when one is listed). */
        warehouses: z.array(z.string().min(1)).min(1).optional(),
        segments: z.array(z.string().min(1)).min(1).optional(),
      })
      .strict(),
  })
  .strict();

export type Rule = z.infer<typeof ruleSchema>;

export class RuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleError';
  }
}

/** $THROUGHLINE_POLICIES/rules, else <THROUGHLINE_ROOT or working directory>/policies/rules. */
export const rulesDir = (): string => policiesSubdir('rules');

/** Parses one rule file; checks its playbook (exists, applies to the queue) and calendar. */
export function parseRule(text: string, name: string, playbooks: readonly Playbook[], calendars: ReadonlyMap<string, Calendar>): Rule {
  const rule = parsePolicyFile(text, name, ruleSchema, (m) => new RuleError(m));
  const pb = playbooks.find((p) => p.id === rule.playbook);
  if (!pb) throw new RuleError(`${name}: playbook: no playbook "${rule.playbook}" (have: ${playbooks.map((p) => p.id).join(', ')})`);
  if (!pb.appliesTo.queues.includes(rule.queue)) throw new RuleError(`${name}: queue: playbook ${pb.id} applies to ${pb.appliesTo.queues.join(', ')}, not ${rule.queue}`);
  const w = rule.when;
  if (w.minBusinessHours !== undefined && !w.calendar) throw new RuleError(`${name}: when.calendar: required with when.minBusinessHours (a calendar id, or 24x7)`);
  if (w.calendar && !calendars.has(w.calendar)) throw new RuleError(`${name}: when.calendar: "${w.calendar}" is not a calendar (have: ${[...calendars.keys()].join(', ')})`);
  return rule;
}

/** Whether the folder holds any rule file (the ingest hook costs nothing without one). */
export function hasRuleFiles(dir = rulesDir()): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.json'));
}

/** Every rule in the folder, sorted by id; no folder = no rules. */
export function loadRules(playbooks: readonly Playbook[], calendars: ReadonlyMap<string, Calendar>, dir = rulesDir()): Rule[] {
  if (!existsSync(dir)) return [];
  const root = process.env.THROUGHLINE_ROOT ?? process.cwd();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseRule(readFileSync(join(dir, f), 'utf8'), relative(root, join(dir, f)) || f, playbooks, calendars));
}

/** Does the row meet the rule's conditions, its age measured to `asOf` (the log's newest event)? */
export function ruleMatches(rule: Rule, row: ExceptionRow, asOf: string, calendars: ReadonlyMap<string, Calendar>): boolean {
  const w = rule.when;
  if (row.queue !== rule.queue) return false;
  if (w.amountBelow !== undefined && (row.amount == null || !(row.amount < w.amountBelow))) return false;
  if (w.warehouses && !(row.warehouse ?? '').split(',').some((x) => w.warehouses!.includes(x))) return false;
  if (w.segments && !(row.segment != null && w.segments.includes(row.segment))) return false;
  if (w.minBusinessHours !== undefined) {
    const cal = calendars.get(w.calendar!)!;
    if (businessSeconds(cal, row.since, asOf) < w.minBusinessHours * 3600) return false;
  }
  return true;
}
