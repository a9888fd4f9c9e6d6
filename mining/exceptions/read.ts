// The exception queues' readers: a summary of every queue (the tiles) and one queue's rows (the
// work list), as of the log's newest event. Each queue is one SQL file over the order case view
// and the canonical tables (sql/queries/mining/exceptions/); enriched.sql adds the order's
// attributes, age, amount and owner team and applies the group filters; the filter bar's filters
// apply through the case selection (__SELECTED_CASES__), as in every view.
import type { Store } from '../../sql';
import { loadQuery } from '../../sql';
import { MiningInputError } from '../errors';
import { compileFilters } from '../filter/compile';
import { selectionFor } from '../filter/prepare';
import { selectedSql, selectedText, type CaseSelection } from '../filter/selection';
import { exceptionRowsSource, usedParams } from './store';
import type { Filter } from '../filter/types';
import { loadTargets } from '../kpi-library/targets';
import { ensureCaseViews } from '../refresh';
import { ensureSla } from '../sla/read';
import type { SlaPolicy, SlaRule } from '../sla/policy';
import { QUEUES, QUEUE_IDS, nextStep, ruleTeam } from './queues';
import type {
  ExceptionGroupCount, ExceptionGroupDim, ExceptionGroupFilters, ExceptionQueueId, ExceptionQueuePage, ExceptionQueueSummary,
  ExceptionRow, ExceptionSortKey, ExceptionsSummary,
} from './types';

export interface ExceptionOptions {
  logId?: string;
  /** The filter bar's filters (order perspective). */
  filters?: Filter[];
  /** Instead of filters: an already compiled selection. */
  selection?: CaseSelection;
  groups?: ExceptionGroupFilters;
  /** Default: policies/ as loaded now. */
  policy?: SlaPolicy;
}

export interface ExceptionQueueOptions extends ExceptionOptions {
  queue: ExceptionQueueId;
  sort?: ExceptionSortKey;
  dir?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

const GROUP_PARAM: Record<ExceptionGroupDim, string> = { warehouse: 'g_wh', segment: 'g_seg', orderType: 'g_type', channel: 'g_ch', team: 'g_team' };
const DIM_OF_COLUMN: Record<string, ExceptionGroupDim> = { warehouse: 'warehouse', segment: 'segment', order_type: 'orderType', channel: 'channel', team: 'team' };
const SORT_COLUMN: Record<ExceptionSortKey, string> = { age: 'age_s', amount: 'amount', case: 'case_id', team: 'team', warehouse: 'warehouse', due: 'due_ts' };

interface Prepared {
  logId: string;
  asOf: string;
  selection: CaseSelection;
  params: Record<string, string>;
  rules: Map<string, SlaRule>;
  /** What rows.sql reads from (exceptionRowsSource). */
  source: string;
}

async function prepare(store: Store, opts: ExceptionOptions): Promise<Prepared> {
  const logId = opts.logId ?? 'o2c';
  if (!opts.selection) compileFilters(opts.filters); // first: a bad filter costs nothing
  const main = await ensureCaseViews(store, logId);
  if (main !== 'order') throw new MiningInputError(`The exception queues need an order-to-cash log; log "${logId}" has ${main} cases, not orders.`);
  const { perspective, policy } = await ensureSla(store, logId, { perspective: 'order', policy: opts.policy });
  const selection = opts.selection ?? (await selectionFor(store, logId, perspective, opts.filters));
  const [a] = await store.query<{ as_of_iso: string | null }>('mining/exceptions/as-of', { log_id: logId });
  if (!a?.as_of_iso) throw new MiningInputError(`Log "${logId}" has no events.`);
  const params: Record<string, string> = {
    log_id: logId,
    perspective,
    as_of: a.as_of_iso,
    tz: loadTargets().localTimeZone,
    rule_teams: JSON.stringify(Object.fromEntries(policy.rules.map((r) => [r.id, ruleTeam(r)]))),
  };
  const source = await exceptionRowsSource(store, logId, `${policy.hash}|${params.tz}|1`, params);
  for (const [dim, p] of Object.entries(GROUP_PARAM) as [ExceptionGroupDim, string][]) params[p] = opts.groups?.[dim] ?? '';
  return { logId, asOf: a.as_of_iso, selection, params, rules: new Map(policy.rules.map((r) => [r.id, r])), source };
}

/** rows.sql over the prepared source, the selection in place. */
const rowsText = (p: Prepared): string => selectedText('mining/exceptions/rows', p.selection).replace('__SOURCE__', () => p.source);

/** Every queue's size, amount at stake, oldest age and counts per group value. */
export async function exceptionsSummary(store: Store, opts: ExceptionOptions = {}): Promise<ExceptionsSummary> {
  const p = await prepare(store, opts);
  const text = loadQuery('mining/exceptions/summary').replace('__ROWS__', () => rowsText(p));
  const rows = await selectedSql<{ queue: ExceptionQueueId; dim: string; value: string | null; n: number; amount: number; oldest_s: number | null }>(
    store, text, usedParams(text, { ...p.params, queue: '' }), p.selection,
  );
  const queues = QUEUES.map((def): ExceptionQueueSummary => {
    const mine = rows.filter((r) => r.queue === def.id);
    const total = mine.find((r) => r.dim === '');
    const byGroup = Object.fromEntries(Object.values(DIM_OF_COLUMN).map((d) => [d, [] as ExceptionGroupCount[]])) as Record<ExceptionGroupDim, ExceptionGroupCount[]>;
    for (const r of mine) {
      const dim = DIM_OF_COLUMN[r.dim];
      if (dim) byGroup[dim].push({ value: r.value, count: r.n });
    }
    for (const list of Object.values(byGroup)) list.sort((x, y) => y.count - x.count || String(x.value).localeCompare(String(y.value)));
    return {
      id: def.id, label: def.label, definition: def.definition, ageBasis: def.ageBasis,
      count: total?.n ?? 0,
      amounts: mine.filter((r) => r.dim === 'currency').map((r) => ({ currency: r.value, amount: r.amount })).sort((x, y) => y.amount - x.amount),
      oldestSeconds: total?.oldest_s ?? null,
      byGroup,
    };
  });
  return { logId: p.logId, asOf: p.asOf, queues };
}

/** One page of one queue's rows, oldest first unless told otherwise. */
export async function exceptionQueue(store: Store, opts: ExceptionQueueOptions): Promise<ExceptionQueuePage> {
  const def = QUEUES.find((q) => q.id === opts.queue);
  if (!def) throw new MiningInputError(`Unknown exception queue "${opts.queue}": use one of ${QUEUE_IDS.join(', ')}.`);
  const sort = opts.sort ?? 'age';
  const column = SORT_COLUMN[sort];
  if (!column) throw new MiningInputError(`Unknown sort "${sort}": use one of ${Object.keys(SORT_COLUMN).join(', ')}.`);
  const dir = opts.dir ?? (sort === 'case' || sort === 'team' || sort === 'warehouse' || sort === 'due' ? 'asc' : 'desc');
  const p = await prepare(store, opts);
  const limit = Math.max(1, Math.min(opts.limit ?? 50, 1000));
  const offset = Math.max(0, opts.offset ?? 0);
  const text = loadQuery('mining/exceptions/page')
    .replace('__ROWS__', () => rowsText(p))
    .replace('__ORDER__', `${column} ${dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`);
  const params = { ...usedParams(text, { ...p.params, queue: def.id }), limit, offset };
  let rows = await selectedSql<PageRow>(store, text, params, p.selection);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && offset > 0) total = (await selectedSql<PageRow>(store, text, { ...params, limit: 1, offset: 0 }, p.selection))[0]?.total ?? 0;
  return {
    id: def.id, label: def.label, definition: def.definition, ageBasis: def.ageBasis,
    logId: p.logId, asOf: p.asOf, total,
    rows: rows.map((r) => toRow(r, p.rules)),
  };
}

interface PageRow {
  queue: ExceptionQueueId; case_id: string; object_id: string | null; detail: string | null; status: string | null;
  since: string; due: string | null; age_s: number; amount: number | null; currency: string | null;
  warehouse: string | null; segment: string | null; order_type: string | null; channel: string | null; team: string; total: number;
}

function toRow(r: PageRow, rules: Map<string, SlaRule>): ExceptionRow {
  const rule = r.queue === 'sla' && r.detail ? (rules.get(r.detail) ?? null) : null;
  return {
    queue: r.queue,
    caseId: r.case_id,
    objectId: r.object_id,
    since: r.since,
    due: r.due,
    ageSeconds: r.age_s,
    amount: r.amount,
    currency: r.currency,
    nextStep: nextStep({ queue: r.queue, objectId: r.object_id, team: r.team, warehouse: r.warehouse, detail: r.queue === 'sla' ? null : r.detail, rule }),
    team: r.team,
    warehouse: r.warehouse,
    segment: r.segment,
    orderType: r.order_type,
    channel: r.channel,
    status: r.status,
    ruleId: r.queue === 'sla' ? r.detail : null,
    ruleLabel: rule?.label ?? (r.queue === 'sla' ? r.detail : null),
  };
}
