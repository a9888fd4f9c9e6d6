// The rules as the product shows them (workflows.rules): each file of policies/rules read the way
// the ingest hook reads it (parseRule, at each call: an edit shows at once), its conditions in
// words, and what it did on a log — the runs requested as `rule:<id>`, by state and outcome,
// narrowed to the viewer's scope as workflows.runs is. A broken file is reported by name and
// field (parseRule's message) beside the others instead of failing the list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Calendar } from '../mining';
import type { Store } from '../sql';
import type { User } from '../server/auth';
import type { Playbook } from './playbook';
import { parseRule, rulesDir, type Rule } from './rules';
import { scopeFilter } from './scope';
import type { RunOutcome } from './types';

export interface RuleActivity {
  /** Runs requested by this rule on the log (within the viewer's scope). */
  requested: number;
  byState: Record<string, number>;
  byOutcome: Record<RunOutcome, number>;
  /** ISO time of the newest request, null when it never requested. */
  lastRequestedAt: string | null;
}

export interface RuleStatus {
  /** The file as parseRule names it (policies/rules/<id>.json). */
  file: string;
  /** The file name without .json: the rule's id when the file is valid. */
  id: string;
  /** The rule as loaded, null when the file has an error. */
  rule: (Rule & { playbookTitle: string; conditions: string[] }) | null;
  /** parseRule's message: the file and the field that is wrong. */
  error: string | null;
  activity: RuleActivity;
}

export interface RulesOverview {
  /** The folder read (THROUGHLINE_POLICIES/rules, else policies/rules). */
  folder: string;
  rules: RuleStatus[];
  /** Requesters `rule:<id>` with runs on the log but no file any more (a rule removed or renamed). */
  removed: { id: string; activity: RuleActivity }[];
}

const OUTCOMES: readonly RunOutcome[] = ['fixed', 'still_open', 'reopened'];
const noActivity = (): RuleActivity => ({ requested: 0, byState: {}, byOutcome: { fixed: 0, still_open: 0, reopened: 0 }, lastRequestedAt: null });
const num = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(n);
const plural = (n: number, one: string) => `${num(n)} ${one}${n === 1 ? '' : 's'}`;
const either = (xs: readonly string[]) => (xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/** The rule's conditions, one phrase each ("every row of the queue" when it has none). */
export function ruleConditions(rule: Rule, calendars: ReadonlyMap<string, Calendar>): string[] {
  const w = rule.when;
  const out: string[] = [];
  if (w.minBusinessHours !== undefined) {
    const cal = calendars.get(w.calendar!);
    out.push(
      cal?.alwaysOpen
        ? `waiting at least ${plural(w.minBusinessHours, 'hour')} (elapsed, around the clock), as of the log's newest event`
        : `waiting at least ${plural(w.minBusinessHours, 'business hour')} on the ${cal?.label ?? w.calendar} calendar, as of the log's newest event`,
    );
  }
  if (w.amountBelow !== undefined) out.push(`amount known and under ${num(w.amountBelow)} (in the row's currency)`);
  if (w.warehouses) out.push(`warehouse ${either(w.warehouses)}`);
  if (w.segments) out.push(`customer segment ${either(w.segments)}`);
  return out.length ? out : ['every row of the queue'];
}

/** Every .json file of the folder, sorted, each parsed on its own: a broken one does not hide the others. */
export function readRuleFiles(playbooks: readonly Playbook[], calendars: ReadonlyMap<string, Calendar>, dir = rulesDir()): Omit<RuleStatus, 'activity'>[] {
  if (!existsSync(dir)) return [];
  const root = process.env.THROUGHLINE_ROOT ?? process.cwd();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = relative(root, join(dir, f)) || f;
      const id = f.slice(0, -'.json'.length);
      try {
        const rule = parseRule(readFileSync(join(dir, f), 'utf8'), file, playbooks, calendars);
        const playbookTitle = playbooks.find((p) => p.id === rule.playbook)!.title;
        return { file, id, rule: { ...rule, playbookTitle, conditions: ruleConditions(rule, calendars) }, error: null };
      } catch (err) {
        return { file, id, rule: null, error: (err as Error).message };
      }
    });
}

/** Runs requested by rules on the log, per rule id, within the viewer's scope. */
export async function ruleActivity(store: Store, logId: string, viewer: User | null): Promise<Map<string, RuleActivity>> {
  const s = scopeFilter(viewer);
  const rows = await store.query<{ requested_by: string; state: string; outcome: RunOutcome | null; runs: number; last_requested_at: Date | string }>('workflows/rule-activity', {
    log_id: logId,
    warehouses: s.warehouses ? s.warehouses.join(',') : null,
    segments: s.segments ? s.segments.join(',') : null,
  });
  const out = new Map<string, RuleActivity>();
  for (const r of rows) {
    const id = r.requested_by.slice('rule:'.length);
    let a = out.get(id);
    if (!a) out.set(id, (a = noActivity()));
    a.requested += r.runs;
    a.byState[r.state] = (a.byState[r.state] ?? 0) + r.runs;
    if (r.outcome && OUTCOMES.includes(r.outcome)) a.byOutcome[r.outcome] += r.runs;
    const last = r.last_requested_at instanceof Date ? r.last_requested_at.toISOString() : String(r.last_requested_at);
    if (!a.lastRequestedAt || last > a.lastRequestedAt) a.lastRequestedAt = last;
  }
  return out;
}

/** The rule files with what each did on `logId`, as `viewer` may see it. */
export async function rulesOverview(
  store: Store,
  opts: { logId: string; viewer: User | null; playbooks: readonly Playbook[]; calendars: ReadonlyMap<string, Calendar>; dir?: string },
): Promise<RulesOverview> {
  const dir = opts.dir ?? rulesDir();
  const files = readRuleFiles(opts.playbooks, opts.calendars, dir);
  const activity = await ruleActivity(store, opts.logId, opts.viewer);
  const rules = files.map((f) => ({ ...f, activity: activity.get(f.id) ?? noActivity() }));
  const known = new Set(files.map((f) => f.id));
  const removed = [...activity].filter(([id]) => !known.has(id)).map(([id, a]) => ({ id, activity: a }));
  return { folder: relative(process.env.THROUGHLINE_ROOT ?? process.cwd(), dir) || dir, rules, removed };
}
