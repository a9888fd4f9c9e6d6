// After each ingest: the enabled rules request their playbook on the rows that meet their
// conditions, through the engine, with the rule as the requester (actor `rule:<id>`, no roles): the
// playbook's approval rule applies as for a person, and a row with a run still open — or
// succeeded and not yet found fixed — is not requested again. Then (afterIngest) the loop is closed
// first, so a row fixed and back is seen as reopened before the rules look at it.
import { auditPolicyChangesSafely } from './policy-audit';
import { loadSlaPolicy, type Calendar, type ExceptionQueueId, type ExceptionRow } from '../mining';
import type { Store } from '../sql';
import type { User } from '../server/auth';
import { checkOutcomes, type OutcomeCheck } from './outcomes';
import { queueRows, rowKey } from './queue-rows';
import { MAX_PICKS, targetOf } from './resolve';
import { hasRuleFiles, loadRules, ruleMatches, type Rule } from './rules';
import { workflowEngine } from './service';

export interface RuleResult {
  ruleId: string;
  matched: number;
  /** Matching rows left out: a run already open or not yet found fixed. */
  skipped: number;
  requested: number;
  awaitingApproval: number;
  error: string | null;
}

export interface RunRulesOptions {
  /** Default: policies/rules as loaded now. */
  rules?: readonly Rule[];
  calendars?: ReadonlyMap<string, Calendar>;
}

export const ruleActor = (rule: Rule): User => ({ id: `rule:${rule.id}`, roles: [] });

export async function runRules(store: Store, logId: string, opts: RunRulesOptions = {}): Promise<RuleResult[]> {
  if (!opts.rules && !hasRuleFiles()) return [];
  const engine = workflowEngine(store);
  let calendars = opts.calendars;
  const cals = () => (calendars ??= loadSlaPolicy().calendars);
  const rules = (opts.rules ?? loadRules(engine.listPlaybooks(), cals())).filter((r) => r.enabled);
  const queues = new Map<ExceptionQueueId, { asOf: string; rows: ExceptionRow[] }>();
  const results: RuleResult[] = [];
  for (const rule of rules) {
    const res: RuleResult = { ruleId: rule.id, matched: 0, skipped: 0, requested: 0, awaitingApproval: 0, error: null };
    results.push(res);
    try {
      const queue = rule.queue as ExceptionQueueId;
      if (!queues.has(queue)) queues.set(queue, await queueRows(store, logId, queue));
      const { asOf, rows } = queues.get(queue)!;
      const matching = rows.filter((r) => ruleMatches(rule, r, asOf, cals()));
      res.matched = matching.length;
      const blocked = new Set(
        (await store.query<{ case_id: string; object_id: string | null }>('workflows/rule-blocked', { playbook_id: rule.playbook, log_id: logId })).map((b) =>
          rowKey(b.case_id, b.object_id),
        ),
      );
      const todo = matching.filter((r) => !blocked.has(rowKey(r.caseId, r.objectId)));
      res.skipped = matching.length - todo.length;
      for (let i = 0; i < todo.length; i += MAX_PICKS) {
        const runs = await engine.requestMany(rule.playbook, todo.slice(i, i + MAX_PICKS).map((r) => targetOf(logId, r)), ruleActor(rule));
        res.requested += runs.length;
        res.awaitingApproval += runs.filter((r) => r.state === 'awaiting_approval').length;
      }
    } catch (err) {
      res.error = (err as Error).message;
    }
  }
  return results;
}

export interface AfterIngest {
  outcomes: OutcomeCheck | null;
  rules: RuleResult[];
}

/**
 * The hook the ingest paths call after refreshing a log: close the loop on succeeded runs, then run
 * the enabled rules. Never fails the ingest (the data is in): problems are logged and returned.
 */
export async function afterIngest(store: Store, logId: string, opts: RunRulesOptions = {}): Promise<AfterIngest> {
  let outcomes: OutcomeCheck | null = null;
  try {
    outcomes = await checkOutcomes(store, logId);
  } catch (err) {
    console.error(`workflows: checking run outcomes of log ${logId} failed:`, (err as Error).message);
  }
  let rules: RuleResult[] = [];
  await auditPolicyChangesSafely(store); // the rules (and calendars) are read now: their edits go on the trail first
  try {
    rules = await runRules(store, logId, opts);
  } catch (err) {
    console.error(`workflows: loading the rules failed:`, (err as Error).message);
  }
  for (const r of rules) if (r.error) console.error(`workflows: rule ${r.ruleId} on log ${logId}:`, r.error);
  return { outcomes, rules };
}
