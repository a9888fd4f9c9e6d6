// Readers of the SLA evaluation: breaches (one page), a per-rule summary, open breaches at given
// times (the overview KPI), and the policy's definitions for the UI. Each makes sure the case view
// and the evaluation are fresh (ensureSla) and accepts a case selection (mining/filter/selection.ts).
import type { Store } from '../../sql';
import { ensureCaseViews } from '../refresh';
import { ALL_CASES, selectedQuery, type CaseSelection } from '../filter/selection';
import { refreshSla } from './evaluate';
import { loadSlaPolicy, type SlaPolicy } from './policy';
import type { SlaBreachPage, SlaBreachRow, SlaClockStatus, SlaDefinitions, SlaRuleSummary, SlaSeverity } from './types';

const inFlight = new WeakMap<Store, Map<string, Promise<void>>>();

/**
 * Makes sure the log's case view is fresh and its SLA clocks were evaluated from that view with
 * the current policy (re-evaluating if not). Returns the perspective and the policy used.
 */
export async function ensureSla(
  store: Store,
  logId: string,
  opts: { perspective?: string; policy?: SlaPolicy } = {},
): Promise<{ perspective: string; policy: SlaPolicy }> {
  const policy = opts.policy ?? loadSlaPolicy();
  const perspective = await ensureCaseViews(store, logId, opts.perspective);
  if (store.readOnly) return { perspective, policy };
  const [s] = await store.query<{ policy_hash: string | null; sla_fingerprint: string | null; view_fingerprint: string | null }>('mining/sla/state', {
    log_id: logId,
    perspective,
  });
  if (s && s.policy_hash === policy.hash && s.sla_fingerprint === s.view_fingerprint) return { perspective, policy };
  let running = inFlight.get(store);
  if (!running) inFlight.set(store, (running = new Map()));
  const key = `${logId}|${perspective}|${policy.hash}`;
  let p = running.get(key);
  if (!p) {
    const mine = running;
    p = store.transaction((tx) => refreshSla(tx, logId, perspective, policy)).finally(() => mine.delete(key));
    running.set(key, p);
  }
  await p;
  return { perspective, policy };
}

export interface SlaReadOptions {
  logId?: string;
  /** Default: the log's own perspective (order for O2C). */
  perspective?: string;
  selection?: CaseSelection;
  /** Default: policies/ as loaded now. */
  policy?: SlaPolicy;
}

async function prepare(store: Store, opts: SlaReadOptions) {
  const logId = opts.logId ?? 'o2c';
  const { perspective, policy } = await ensureSla(store, logId, { perspective: opts.perspective, policy: opts.policy });
  return { logId, perspective, policy, selection: opts.selection ?? ALL_CASES };
}

const BREACH_STATUSES: SlaClockStatus[] = ['breached', 'open_breached'];

/** Clocks with the given statuses (default: breached and open breached), most overdue first. */
export async function slaBreaches(
  store: Store,
  opts: SlaReadOptions & { ruleId?: string; status?: SlaClockStatus | SlaClockStatus[]; limit?: number; offset?: number },
): Promise<SlaBreachPage> {
  const { logId, perspective, policy, selection } = await prepare(store, opts);
  const statuses = opts.status === undefined ? BREACH_STATUSES : Array.isArray(opts.status) ? opts.status : [opts.status];
  const limit = Math.max(0, Math.min(opts.limit ?? 100, 10_000));
  const offset = Math.max(0, opts.offset ?? 0);
  const rows = await selectedQuery<{
    case_id: string; rule_id: string; entity_id: string; clock_no: number; calendar_id: string; start_ts: string; due_ts: string;
    end_ts: string | null; as_of: string; status: SlaClockStatus; severity: SlaSeverity | null; used_seconds: number;
    allowance_seconds: number; over_business_s: number; overdue_s: number; net_value: number | null; currency: string | null; total: number;
  }>(
    store,
    'mining/sla/breaches',
    { log_id: logId, perspective, rule_id: opts.ruleId ?? '', statuses: JSON.stringify(statuses), limit, offset },
    selection,
  );
  const labels = new Map(policy.rules.map((r) => [r.id, r.label]));
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && offset > 0) {
    const all = await selectedQuery<{ total: number }>(
      store,
      'mining/sla/breaches',
      { log_id: logId, perspective, rule_id: opts.ruleId ?? '', statuses: JSON.stringify(statuses), limit: 1, offset: 0 },
      selection,
    );
    total = all[0]?.total ?? 0;
  }
  return {
    logId,
    perspective,
    total,
    rows: rows.map(
      (r): SlaBreachRow => ({
        caseId: r.case_id,
        ruleId: r.rule_id,
        ruleLabel: labels.get(r.rule_id) ?? r.rule_id,
        entityId: r.entity_id,
        clockNo: r.clock_no,
        calendarId: r.calendar_id,
        start: r.start_ts,
        due: r.due_ts,
        end: r.end_ts,
        asOf: r.as_of,
        status: r.status,
        severity: r.severity,
        businessHoursUsed: r.used_seconds / 3600,
        allowanceHours: r.allowance_seconds / 3600,
        businessHoursOver: r.over_business_s / 3600,
        overdueHours: r.overdue_s / 3600,
        amount: r.net_value,
        currency: r.currency,
      }),
    ),
  };
}

/** Per rule of the policy: clocks by status and business hours of finished clocks. */
export async function slaSummary(store: Store, opts: SlaReadOptions = {}): Promise<SlaRuleSummary[]> {
  const { logId, perspective, policy, selection } = await prepare(store, opts);
  const rows = await selectedQuery<{
    rule_id: string; met: number; breached: number; open: number; at_risk: number; open_breached: number; exempt: number; restarted: number;
    minor: number; major: number; critical: number; median_business_hours: number | null; p90_business_hours: number | null;
  }>(store, 'mining/sla/summary', { log_id: logId, perspective }, selection);
  const by = new Map(rows.map((r) => [r.rule_id, r]));
  return policy.rules.map((rule) => {
    const r = by.get(rule.id);
    return {
      ruleId: rule.id,
      label: rule.label,
      met: r?.met ?? 0,
      breached: r?.breached ?? 0,
      open: r?.open ?? 0,
      atRisk: r?.at_risk ?? 0,
      openBreached: r?.open_breached ?? 0,
      exempt: r?.exempt ?? 0,
      restarted: r?.restarted ?? 0,
      bySeverity: { minor: r?.minor ?? 0, major: r?.major ?? 0, critical: r?.critical ?? 0 },
      medianBusinessHours: r?.median_business_hours ?? null,
      p90BusinessHours: r?.p90_business_hours ?? null,
    };
  });
}

/** Open breaches per rule of the policy as of each time (ISO date or timestamp, UTC). */
export async function openBreachesAt(
  store: Store,
  opts: SlaReadOptions & { asOf: string[] },
): Promise<{ ruleId: string; label: string; counts: number[] }[]> {
  const { logId, perspective, policy, selection } = await prepare(store, opts);
  const rows = await selectedQuery<{ i: number; rule_id: string; open_breaches: number }>(
    store,
    'mining/kpi/sla-open',
    { log_id: logId, perspective, times: JSON.stringify(opts.asOf.map((at, i) => ({ i, at }))) },
    selection,
  );
  return policy.rules.map((r) => ({
    ruleId: r.id,
    label: r.label,
    counts: opts.asOf.map((_, i) => rows.find((x) => x.rule_id === r.id && x.i === i)?.open_breaches ?? 0),
  }));
}

const fmtWithin = (w: { businessHours?: number; businessDays?: number; hours?: number }): string =>
  w.hours !== undefined
    ? `${w.hours} h (elapsed)`
    : w.businessHours !== undefined
      ? `${w.businessHours} business hour${w.businessHours === 1 ? '' : 's'}`
      : `${w.businessDays} business day${w.businessDays === 1 ? '' : 's'}`;

/** The policy as users should see it: rules in plain words and the calendars they run on. */
export function slaDefinitions(policy: SlaPolicy = loadSlaPolicy()): SlaDefinitions {
  return {
    version: policy.version,
    changeNote: policy.changeNote,
    history: policy.history,
    rules: policy.rules.map((r) => ({
      id: r.id,
      label: r.label,
      description: r.description,
      per: r.per,
      start: r.start,
      end: r.end,
      within: fmtWithin(r.within),
      allowanceHours: r.allowanceSeconds / 3600,
      calendarId: r.calendar,
      calendarLabel: policy.calendars.get(r.calendar)?.label ?? r.calendar,
      scope: r.scope,
      restartOn: r.restartOn,
      exemptWhileOpen: r.exemptWhileOpen,
      severity: r.severity,
      atRiskPct: r.atRiskPct,
    })),
    calendars: [...policy.calendars.values()].map((c) => ({
      id: c.id,
      label: c.label,
      timeZone: c.timeZone,
      alwaysOpen: c.alwaysOpen,
      businessDayHours: c.businessDayHours,
      holidays: [...c.holidays].sort((a, b) => a - b).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
    })),
  };
}
