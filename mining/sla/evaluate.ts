// SLA evaluation: rebuilds a log's sla_clocks from the case view inside the caller's transaction.
// 1. calendar windows of the policy's calendars over the log's date range (TypeScript, mining/calendar)
//    into sla_calendar_windows; 2. clock instances (sql/queries/mining/sla/work-clocks.sql) into a
//    temporary table; 3. business time, due times, status and severity (measure.sql) into sla_clocks.
import type { Tx } from '../../sql';
import { DAY, calendarWindows, localDay, type Calendar } from '../calendar';
import { loadSlaPolicy, SCOPE_FIELDS, type SlaPolicy, type SlaRule } from './policy';

/** Days of windows generated before the first event, and at least after the last one. */
const LEAD_DAYS = 2;
const MIN_TAIL_DAYS = 31;
const MAX_TAIL_DAYS = 366 * 5;

/** The rules as the SQL reads them. */
export function rulesPayload(rules: readonly SlaRule[]): string {
  return JSON.stringify(
    rules.map((r) => ({
      id: r.id,
      per: r.per,
      start: r.start,
      end: r.end,
      restart: r.restartOn,
      pause: r.exemptWhileOpen,
      calendar: r.calendar,
      allowance_s: r.allowanceSeconds,
      risk_s: (r.allowanceSeconds * r.atRiskPct) / 100,
      major_pct: r.severity.majorFromPct,
      critical_pct: r.severity.criticalAbovePct,
      ...Object.fromEntries(SCOPE_FIELDS.map((f) => [f, r.scope[f] ?? []])),
    })),
  );
}

/** Windows of `cal` from the day before `firstS` until `maxAllowance` business seconds after `lastS` fit, at least a month. */
export function windowsFor(cal: Calendar, firstS: number, lastS: number, maxAllowance: number) {
  const day = (t: number) => (cal.alwaysOpen ? Math.floor(t / DAY) : localDay(cal.timeZone, t));
  const from = day(firstS) - LEAD_DAYS;
  let to = day(lastS) + MIN_TAIL_DAYS;
  const lastDay = day(lastS);
  while (to < lastDay + MAX_TAIL_DAYS) {
    const ws = calendarWindows(cal, lastDay, to);
    const tail = ws.reduce((s, w) => s + (w.close - w.open), 0);
    if (tail > maxAllowance + 7 * DAY) break;
    to += 62;
  }
  return calendarWindows(cal, from, to);
}

/** Activity lists the pairing query filters on. */
function activityLists(rules: readonly SlaRule[]) {
  const caseActs = new Set<string>();
  const objectActs = new Set<string>();
  const objectTypes = new Set<string>();
  for (const r of rules) {
    const target = r.per === 'case' ? caseActs : objectActs;
    for (const a of [r.start, ...r.end, ...r.restartOn]) target.add(a);
    for (const p of r.exemptWhileOpen) caseActs.add(p.set).add(p.clear);
    if (r.per !== 'case') objectTypes.add(r.per);
  }
  return { case_acts: JSON.stringify([...caseActs]), object_acts: JSON.stringify([...objectActs]), object_types: JSON.stringify([...objectTypes]) };
}

/** Writes the calendar windows the rules need for the range [firstS, lastS] (epoch seconds). */
export async function writeWindows(tx: Tx, logId: string, policy: SlaPolicy, rules: readonly SlaRule[], firstS: number, lastS: number): Promise<void> {
  const rows: { c: string; d: string; o: number; e: number; k: number }[] = [];
  for (const id of new Set(rules.map((r) => r.calendar))) {
    const cal = policy.calendars.get(id) as Calendar;
    const maxAllowance = Math.max(...rules.filter((r) => r.calendar === id).map((r) => r.allowanceSeconds));
    for (const w of windowsFor(cal, firstS, lastS, maxAllowance)) rows.push({ c: id, d: w.day, o: w.open, e: w.close, k: w.cumBefore });
  }
  for (let i = 0; i < rows.length; i += 20_000) {
    await tx.query('mining/sla/insert-windows', { log_id: logId, rows: JSON.stringify(rows.slice(i, i + 20_000)) });
  }
}

/** Measures the clocks in the temporary table sla_work (one evaluation's) into sla_clocks (step 3). */
export async function measureWork(tx: Tx, logId: string, asOf: string, policyVersion: string): Promise<void> {
  // Rows written in this transaction have no statistics yet, and DuckDB then plans an ASOF join
  // as a nested loop plus aggregate (asof_loop_join_threshold): 100× slower on 280k clocks.
  await tx.sql('SET asof_loop_join_threshold = 0');
  try {
    await tx.query('mining/sla/measure', { log_id: logId, as_of: asOf, policy_version: policyVersion });
  } finally {
    await tx.sql('RESET asof_loop_join_threshold');
  }
}

/**
 * Rebuilds the SLA clocks of one (log, perspective) from case_trace / cases / the canonical
 * tables, inside `tx`. Open clocks are measured as of the newest event of the log.
 */
export async function refreshSla(tx: Tx, logId: string, perspective: string, policy: SlaPolicy = loadSlaPolicy()): Promise<void> {
  const started = performance.now();
  const key = { log_id: logId, perspective };
  await tx.query('mining/sla/clear-clocks', key);
  await tx.query('mining/sla/clear-windows', { log_id: logId });
  const [range] = await tx.query<{ first_s: number | null; last_s: number | null; as_of: string | null }>('mining/sla/range', { log_id: logId });
  const rules = policy.rules;
  if (range.first_s !== null && range.last_s !== null && range.as_of !== null && rules.length > 0) {
    await writeWindows(tx, logId, policy, rules, range.first_s, range.last_s);
    await tx.query('mining/sla/work-clocks', { ...key, rules: rulesPayload(rules), ...activityLists(rules) });
    await measureWork(tx, logId, range.as_of, policy.version);
    await tx.sql('DROP TABLE IF EXISTS sla_work');
  }
  await tx.query('mining/sla/record-state', {
    ...key,
    policy_version: policy.version,
    policy_hash: policy.hash,
    as_of: range.as_of,
    seconds: (performance.now() - started) / 1000,
  });
}
