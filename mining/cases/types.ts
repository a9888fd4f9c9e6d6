// Shapes of the case table and the case page (mining/cases): plain data for the dashboard.
// Times are ISO-8601 UTC strings; durations seconds.
import type { SlaClockStatus, SlaSeverity } from '../sla/types';

export type CaseColumnType = 'text' | 'integer' | 'number' | 'money' | 'datetime' | 'duration';

export interface CaseColumnInfo {
  /** `case_id`, a `cases` column, or `attr:<name>` for an attribute of the case object. */
  id: string;
  label: string;
  type: CaseColumnType;
  /** Shown when the caller does not choose columns. */
  default: boolean;
}

export type CaseCell = string | number | null;
export type CaseRow = Record<string, CaseCell>;

export interface CaseSort {
  column: string;
  dir: 'asc' | 'desc';
}

export interface CaseListPage {
  logId: string;
  perspective: string;
  /** Cases in the selection (all pages). */
  total: number;
  offset: number;
  sort: CaseSort;
  /** The columns of `rows`, in order (case_id first). */
  columns: CaseColumnInfo[];
  /** Each row keyed by column id. */
  rows: CaseRow[];
}

export interface CaseColumnsInfo {
  logId: string;
  perspective: string;
  /** Every column the table can show for this log and perspective. */
  columns: CaseColumnInfo[];
}

export interface CaseEventObject {
  objectId: string;
  objectType: string;
  qualifier: string;
}

export interface CaseEvent {
  /** 1..n in the case's trace. */
  seq: number;
  eventSeq: number;
  eventId: string;
  activity: string;
  ts: string;
  tsPrecision: string | null;
  sourceSystem: string;
  sourceFile: string | null;
  /** The source record the event was read from. */
  sourceKey: string;
  runId: string;
  user: string | null;
  userType: string | null;
  amount: number | null;
  currency: string | null;
  attrs: Record<string, unknown>;
  objects: CaseEventObject[];
}

export interface CaseObjectNode {
  id: string;
  type: string;
  /** A few attributes as label/value text. */
  summary: { key: string; value: string }[];
  sourceSystem: string | null;
  sourceKey: string | null;
  /** True for the case's own object. */
  isCase: boolean;
}

export interface CaseObjectEdge {
  source: string;
  target: string;
  qualifier: string;
}

export interface CaseSlaClock {
  ruleId: string;
  ruleLabel: string;
  entityId: string;
  clockNo: number;
  calendarId: string;
  start: string;
  due: string;
  risk: string;
  /** End event or restart; null while running. */
  stop: string | null;
  end: string | null;
  asOf: string;
  usedSeconds: number;
  allowanceSeconds: number;
  status: SlaClockStatus;
  severity: SlaSeverity | null;
  policyVersion: string;
}

export interface CaseDeviationItem {
  kind: string;
  activity: string;
  relatedActivity: string | null;
  position: 'early' | 'late' | null;
  count: number;
  costSeconds: number | null;
  ts: string | null;
}

export interface CaseRuleViolationItem {
  ruleId: string;
  kind: string;
  description: string | null;
  activity: string;
  ts: string | null;
  relatedActivity: string | null;
  relatedTs: string | null;
  costSeconds: number | null;
}

export interface CaseDetail {
  logId: string;
  perspective: string;
  caseId: string;
  /** True for an O2C order (customer, value and milestones are filled). */
  isOrder: boolean;
  columns: CaseColumnInfo[];
  /** The case's row of the case table, keyed by column id. */
  row: CaseRow;
  /** cancelled | paid | invoiced | shipped | open (orders); finished | open otherwise. */
  status: string;
  events: CaseEvent[];
  objects: { nodes: CaseObjectNode[]; edges: CaseObjectEdge[]; truncated: boolean };
  /** Null when the log has no SLA policy applied (non-O2C logs). */
  sla: { policyVersion: string | null; rules: { ruleId: string; label: string; within: string }[]; clocks: CaseSlaClock[] } | null;
  conformance: {
    fitness: number | null;
    modelVersion: number | null;
    deviations: CaseDeviationItem[];
    violations: CaseRuleViolationItem[];
  } | null;
}
