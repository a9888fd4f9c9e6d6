// The case page: the case's row, its events in time order across systems with their source
// records and the objects each touches, the related objects as a small graph, its SLA clocks and
// the conformance deviations found.
import { frag, paramValues, type Store } from '../../sql';
import { caseConformance } from '../conformance/read';
import { MiningNotFoundError } from '../errors';
import { ensureCaseViews } from '../refresh';
import { ensureSla, slaDefinitions } from '../sla/read';
import type { SlaClockStatus, SlaSeverity } from '../sla/types';
import { info } from './columns';
import { caseRow } from './list';
import type { CaseDetail, CaseEvent, CaseEventObject, CaseObjectNode, CaseRow, CaseSlaClock } from './types';

/** Related objects drawn at most (a big OCEL case can touch thousands). */
export const MAX_GRAPH_NODES = 60;

const typeOf = (objectId: string) => (objectId.includes(':') ? objectId.slice(0, objectId.indexOf(':')) : 'object');

function parseAttrs(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The first few non-empty attributes as text, for a node's label. */
function summarise(attrs: Record<string, unknown>, max = 4): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  for (const [key, v] of Object.entries(attrs)) {
    if (v === null || v === '' || typeof v === 'object') continue;
    out.push({ key, value: String(v) });
    if (out.length === max) break;
  }
  return out;
}

function statusOf(row: CaseRow, isOrder: boolean, open: boolean | null): string {
  if (isOrder) return String(row.stage ?? 'created');
  return open ? 'open' : 'finished';
}

export async function caseDetail(store: Store, opts: { logId?: string; perspective?: string; caseId: string }): Promise<CaseDetail> {
  const logId = opts.logId ?? 'o2c';
  const perspective = await ensureCaseViews(store, logId, opts.perspective);
  const base = { log_id: logId, perspective };
  const q = await caseRow(store, logId, perspective);
  const [found] = await store.sql<Record<string, unknown>>(q.text, { ...base, case_id: opts.caseId, ...q.params });
  if (!found) throw new MiningNotFoundError(`No case "${opts.caseId}" in log "${logId}" (perspective ${perspective}).`);
  const { case_no: caseNo, ...row } = found as Record<string, unknown> & { case_no: number };
  const isOrder = perspective === 'order';

  const [events, links, parents] = await Promise.all([
    store.query<{
      seq: number; event_seq: number; event_id: string; activity: string; ts: string; ts_precision: string | null; source_system: string;
      source_file: string | null; source_key: string; run_id: string; user_id: string | null; user_type: string | null; amount: number | null;
      currency: string | null; attrs: string | null;
    }>('mining/cases/events', { ...base, case_no: caseNo }),
    store.query<{ event_id: string; object_id: string; qualifier: string }>('mining/cases/event-objects', { ...base, case_no: caseNo }),
    store.query<{ object_id: string }>('mining/cases/parents', { log_id: logId, case_id: opts.caseId }),
  ]);

  const byEvent = new Map<string, CaseEventObject[]>();
  for (const l of links) {
    let list = byEvent.get(l.event_id);
    if (!list) byEvent.set(l.event_id, (list = []));
    list.push({ objectId: l.object_id, objectType: typeOf(l.object_id), qualifier: l.qualifier });
  }
  const caseEvents: CaseEvent[] = events.map((e) => ({
    seq: e.seq, eventSeq: e.event_seq, eventId: e.event_id, activity: e.activity, ts: e.ts, tsPrecision: e.ts_precision,
    sourceSystem: e.source_system, sourceFile: e.source_file, sourceKey: e.source_key, runId: e.run_id, user: e.user_id,
    userType: e.user_type, amount: e.amount, currency: e.currency, attrs: parseAttrs(e.attrs), objects: byEvent.get(e.event_id) ?? [],
  }));

  // Graph nodes: the case object, what points at it (the customer), then objects in the order the trace first touches them.
  const ids: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => !seen.has(id) && (seen.add(id), ids.push(id));
  add(opts.caseId);
  for (const p of parents) add(p.object_id);
  for (const e of caseEvents) for (const o of e.objects) add(o.objectId);
  const truncated = ids.length > MAX_GRAPH_NODES;
  const kept = ids.slice(0, MAX_GRAPH_NODES);
  const idsJson = JSON.stringify(kept);
  const [objects, edges] = await Promise.all([
    store.query<{ object_id: string; object_type: string; attrs: string | null; source_system: string | null; source_key: string | null }>(
      'mining/cases/objects', { log_id: logId, ...paramValues('id', kept) }, { ids: frag.paramList('id', kept.length) }),
    store.query<{ source_id: string; target_id: string; qualifier: string }>('mining/cases/object-links', { log_id: logId, ids: idsJson }),
  ]);
  const objById = new Map(objects.map((o) => [o.object_id, o]));
  const nodes: CaseObjectNode[] = kept.map((id) => {
    const o = objById.get(id);
    return {
      id, type: o?.object_type ?? typeOf(id), summary: summarise(parseAttrs(o?.attrs ?? null)),
      sourceSystem: o?.source_system ?? null, sourceKey: o?.source_key ?? null, isCase: id === opts.caseId,
    };
  });

  const [sla, conf] = await Promise.all([isOrder ? slaOf(store, logId, perspective, caseNo) : Promise.resolve(null), caseConformance(store, { logId, perspective, caseId: opts.caseId })]);

  return {
    logId, perspective, caseId: opts.caseId, isOrder, columns: q.cols.map(info), row: row as CaseRow,
    status: statusOf(row as CaseRow, isOrder, conf?.open ?? null),
    events: caseEvents,
    objects: { nodes, edges: edges.map((e) => ({ source: e.source_id, target: e.target_id, qualifier: e.qualifier })), truncated },
    sla,
    conformance: conf && {
      fitness: conf.fitness, modelVersion: conf.modelVersion,
      deviations: conf.deviations.map((d) => ({
        kind: d.kind, activity: d.activity, relatedActivity: d.relatedActivity, position: d.position, count: d.count, costSeconds: d.costSeconds, ts: d.ts,
      })),
      violations: conf.violations.map((v) => ({
        ruleId: v.ruleId, kind: v.kind, description: v.description, activity: v.activity, ts: v.ts, relatedActivity: v.relatedActivity,
        relatedTs: v.relatedTs, costSeconds: v.costSeconds,
      })),
    },
  };
}

async function slaOf(store: Store, logId: string, perspective: string, caseNo: number): Promise<CaseDetail['sla']> {
  const { policy } = await ensureSla(store, logId, { perspective });
  const defs = slaDefinitions(policy);
  const labels = new Map(defs.rules.map((r) => [r.id, r.label]));
  const rows = await store.query<{
    rule_id: string; entity_id: string; clock_no: number; calendar_id: string; start_ts: string; due_ts: string; risk_ts: string;
    stop_ts: string | null; end_ts: string | null; as_of: string; used_seconds: number; allowance_seconds: number; status: SlaClockStatus;
    severity: SlaSeverity | null; policy_version: string;
  }>('mining/cases/sla-clocks', { log_id: logId, perspective, case_no: caseNo });
  const clocks: CaseSlaClock[] = rows.map((r) => ({
    ruleId: r.rule_id, ruleLabel: labels.get(r.rule_id) ?? r.rule_id, entityId: r.entity_id, clockNo: r.clock_no, calendarId: r.calendar_id,
    start: r.start_ts, due: r.due_ts, risk: r.risk_ts, stop: r.stop_ts, end: r.end_ts, asOf: r.as_of, usedSeconds: r.used_seconds,
    allowanceSeconds: r.allowance_seconds, status: r.status, severity: r.severity, policyVersion: r.policy_version,
  }));
  return { policyVersion: defs.version, rules: defs.rules.map((r) => ({ ruleId: r.id, label: r.label, within: r.within })), clocks };
}
