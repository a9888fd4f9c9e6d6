// A scoped process owner's slice (auth.ts `scopeFilters`: their warehouses and segments), applied
// in ONE place: the `ownerScope` middleware of trpc.ts calls `narrowForOwner` before any procedure
// parses its input. How each procedure honours the scope is a row of OWNER_SCOPE below, keyed by
// procedure path; a procedure without a row is refused to a scoped owner (fails closed), and
// owner-scope.test.ts fails until the row is written. The scope is added to the *raw* input, so
// the procedure's own schema checks it and everything downstream (the answer cache's key
// included, result-cache.ts) sees the narrowed filters as if the caller had sent them.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { caseCount } from '../mining/cases';
import { ensureCaseViews } from '../mining/refresh';
import type { Store } from '../sql';
import type { Permission, scopeFilters } from './auth';
import { logId, perspective } from './schemas';

type ScopeFilter = ReturnType<typeof scopeFilters>[number];

/**
 * - `filters`: the input carries the filter bar's `filters`: the scope is appended to them.
 * - `case`:    the input names one case (`logId`, `perspective?`, `caseId`): NOT_FOUND unless the
 *              case is in the scope, with the same message as a case that does not exist.
 * - `self`:    the procedure narrows its answer to `ctx.user` itself (the reason says where).
 * - `none`:    the answer holds no case data (definitions, column names, the log's perspectives).
 * - `refuse`:  the answer cannot be narrowed to a scope: a scoped owner is refused (FORBIDDEN).
 * `filters` and `case` work on O2C orders only (the scope's warehouse and segment are order
 * attributes); on another perspective or a log without orders a scoped owner is refused rather
 * than shown cases the scope cannot be checked on.
 */
export type ScopeRule = { apply: 'filters' | 'case' } | { apply: 'self' | 'none' | 'refuse'; why: string };

const FILTERS = { apply: 'filters' } as const;
const CASE = { apply: 'case' } as const;
const none = (why: string): ScopeRule => ({ apply: 'none', why });
const self = (why: string): ScopeRule => ({ apply: 'self', why });
const refuse = (why: string): ScopeRule => ({ apply: 'refuse', why });

/** Every procedure a scoped owner's role may reach (`read`, `finance`, `notebook`, `workflow:*`). */
export const OWNER_SCOPE: Readonly<Record<string, ScopeRule>> = {
  'logs.list': self('only order-to-cash logs are listed to a scoped owner, with the count of their orders'),
  'logs.dataRange': none("the log's first and last event and the months it covers"),
  'logs.perspectives': self('a scoped owner is offered the order perspective only'),
  'logs.filterOptions': FILTERS,
  'kpi.overview': FILTERS,
  'kpi.trend': FILTERS,
  'map.process': FILTERS,
  'views.variants': FILTERS,
  'views.durations': FILTERS,
  'views.throughput': FILTERS,
  'views.rework': FILTERS,
  'views.transitions': FILTERS,
  'views.wip': FILTERS,
  'views.waitingProcessing': FILTERS,
  'process.slaDefinitions': none('the SLA policy'),
  'process.slaSummary': FILTERS,
  'process.slaBreaches': FILTERS,
  'process.conformance': FILTERS,
  'process.caseConformance': CASE,
  'cases.columns': none('the column names of the case table'),
  'cases.list': FILTERS,
  'cases.detail': CASE,
  'cases.exportCsv': FILTERS,
  'exceptions.summary': FILTERS,
  'exceptions.queue': FILTERS,
  'runs.list': none('ingest runs: sources, times and row counts'),
  'runs.freshness': none("each source's newest event and run"),
  'runs.rejects': refuse('rejected source rows never became cases, so no warehouse or segment can be checked on them'),
  // Process owners hold no finance permission; a user with both roles gets the finance views narrowed too.
  'finance.kpiDefinitions': none('the KPI definitions'),
  'finance.outcomes': none('the outcome definitions'),
  'finance.kpis': FILTERS,
  'finance.dsoImpact': FILTERS,
  'finance.arAging': FILTERS,
  'finance.openDisputes': FILTERS,
  'finance.rootCause': FILTERS,
  'workflows.playbooks': none('the playbook definitions'),
  'workflows.runs': self('the engine lists only runs on the viewer\'s warehouses and segments (workflows/ list, viewer)'),
  'workflows.run': self('a run out of the caller\'s scope is NOT_FOUND (workflows outOfScope)'),
  'workflows.rules': self('the rule files hold no case data; their run counts are narrowed to the viewer\'s scope as workflows.runs (workflows/rules-status.ts)'),
  'workflows.savings': self('savings are summed over the viewer\'s scope (workflows/savings.ts)'),
  'workflows.request': self('the engine refuses rows out of the requester\'s scope (FORBIDDEN)'),
  'workflows.approve': self('the engine refuses an approver out of the run\'s scope'),
  'workflows.cancel': self('the engine refuses a caller out of the run\'s scope'),
  'workflows.retry': self('the engine refuses a caller out of the run\'s scope'),
  'workflows.override': self('the engine refuses a caller out of the run\'s scope'),
  ...Object.fromEntries(
    ['list', 'get', 'create', 'save', 'rename', 'duplicate', 'remove', 'importDoc', 'exportDoc', 'starters', 'schema', 'run', 'exportResult'].map((p) => [
      `notebooks.${p}`,
      refuse('the SQL sandbox reads every case of the store'),
    ]),
  ),
};

/**
 * The rule for a procedure: by its permission where the permission decides (the caller's own
 * account; admin-only work, which a scoped caller never reaches: scopeFilters never scopes an
 * admin), else its row of OWNER_SCOPE, else refused.
 */
export function scopeRuleOf(path: string, permission: Permission | undefined): ScopeRule {
  if (permission === 'public' || permission === 'account') return none("the caller's own session and account");
  if (permission === 'admin' || permission === 'ingest') return refuse('admin work');
  return OWNER_SCOPE[path] ?? refuse(`${path} has no owner-scope rule (server/owner-scope.ts OWNER_SCOPE)`);
}

/** "warehouse DC-EAST; segment SM, MM" */
export const describeScope = (scope: readonly ScopeFilter[]): string => scope.map((f) => `${f.attribute} ${f.values.join(', ')}`).join('; ');

const head = z.object({ logId, perspective: perspective.optional() });
const caseHead = head.extend({ caseId: z.string().min(1).max(500) });
const asObject = (raw: unknown): Record<string, unknown> => {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new TRPCError({ code: 'BAD_REQUEST', message: 'The input must be an object.' });
  return raw as Record<string, unknown>;
};
const parsed = <T>(schema: z.ZodType<T>, raw: unknown, path: string): T => {
  const r = schema.safeParse(raw);
  if (!r.success) throw new TRPCError({ code: 'BAD_REQUEST', message: `${path}: ${r.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}` });
  return r.data;
};

/** The scope is a set of orders: refused on any other perspective or on a log without orders. */
async function orderPerspective(store: Store, path: string, h: z.infer<typeof head>, scope: readonly ScopeFilter[]): Promise<void> {
  const resolved = await ensureCaseViews(store, h.logId, h.perspective);
  if (resolved !== 'order') {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Your scope (${describeScope(scope)}) is a set of sales orders; ${path} cannot be narrowed to it on log "${h.logId}", whose cases here are "${resolved}", not sales orders. Choose an order-to-cash log with cases as sales orders.`,
    });
  }
}

/** What each single-case procedure answers for a case id it does not know (routers/cases.ts via mining, routers/process.ts). */
const notFound = (path: string, caseId: string, log: string): string =>
  path === 'cases.detail' ? `No case "${caseId}" in log "${log}" (perspective order).` : `No case "${caseId}" in log "${log}".`;

export interface NarrowRequest {
  store: () => Promise<Store>;
  path: string;
  permission: Permission | undefined;
  raw: unknown;
  /** scopeFilters(ctx.user): non-empty (the middleware calls this for scoped callers only). */
  scope: readonly ScopeFilter[];
}

/** The raw input the procedure will parse for a scoped owner, or a refusal (TRPCError). */
export async function narrowForOwner({ store, path, permission, raw, scope }: NarrowRequest): Promise<unknown> {
  const rule = scopeRuleOf(path, permission);
  // An empty list is a scope holding nothing (as workflows/scope.ts reads it); no filter can say "none".
  const empty = scope.find((f) => f.values.length === 0);
  if (empty && (rule.apply === 'filters' || rule.apply === 'case')) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `Your scope lists no ${empty.attribute}, so it holds no cases: ask an admin to set your ${empty.attribute}s.` });
  }
  switch (rule.apply) {
    case 'none':
    case 'self':
      return raw;
    case 'refuse':
      throw new TRPCError({ code: 'FORBIDDEN', message: `${path} is not available within an owner scope (${describeScope(scope)}): ${rule.why}.` });
    case 'filters': {
      const input = asObject(raw);
      await orderPerspective(await store(), path, parsed(head, input, path), scope);
      const sent = input.filters === undefined ? [] : input.filters;
      if (!Array.isArray(sent)) return raw; // the procedure's schema refuses it
      return { ...input, filters: [...sent, ...scope] };
    }
    case 'case': {
      const h = parsed(caseHead, asObject(raw), path);
      const s = await store();
      await orderPerspective(s, path, h, scope);
      const n = await caseCount(s, { logId: h.logId, perspective: h.perspective, filters: [...scope, { kind: 'cases', caseIds: [h.caseId] }] });
      // The words of a case that does not exist: an owner learns nothing about cases outside their scope.
      if (n === 0) throw new TRPCError({ code: 'NOT_FOUND', message: notFound(path, h.caseId, h.logId) });
      return raw;
    }
  }
}
