// Shapes of the SLA readers (mining/sla/read.ts): plain data, safe to send to the dashboard.
// Times are ISO-8601 UTC; hours are business hours on the rule's calendar unless named otherwise.

export type SlaClockStatus = 'met' | 'breached' | 'open' | 'at_risk' | 'open_breached' | 'exempt' | 'restarted';
export type SlaSeverity = 'minor' | 'major' | 'critical';

export interface SlaBreachRow {
  caseId: string;
  ruleId: string;
  ruleLabel: string;
  /** What the clock ran on: the case, or an object of it (delivery:…, dispute:…). */
  entityId: string;
  /** 0 = from the start event; n = from the n-th restart. */
  clockNo: number;
  calendarId: string;
  start: string;
  due: string;
  /** The end event; null while open. */
  end: string | null;
  /** What open clocks are measured to: the newest event of the log. */
  asOf: string;
  status: SlaClockStatus;
  severity: SlaSeverity | null;
  businessHoursUsed: number;
  allowanceHours: number;
  /** Business hours used beyond the allowance (severity is this ÷ the allowance). */
  businessHoursOver: number;
  /** Elapsed hours from the due time to the end (open: to asOf): the breach's age. */
  overdueHours: number;
  /** The order's net value, when the case has one. */
  amount: number | null;
  currency: string | null;
}

export interface SlaBreachPage {
  logId: string;
  perspective: string;
  /** Rows matching the filter over all pages. */
  total: number;
  rows: SlaBreachRow[];
}

export interface SlaRuleSummary {
  ruleId: string;
  label: string;
  met: number;
  breached: number;
  open: number;
  atRisk: number;
  openBreached: number;
  exempt: number;
  restarted: number;
  bySeverity: Record<SlaSeverity, number>;
  /** Over finished clocks (met and breached); null without any. */
  medianBusinessHours: number | null;
  p90BusinessHours: number | null;
}

export interface SlaRuleDefinition {
  id: string;
  label: string;
  description: string;
  per: string;
  start: string;
  end: string[];
  /** In words: "1 business day", "72 h (elapsed)". */
  within: string;
  allowanceHours: number;
  calendarId: string;
  calendarLabel: string;
  scope: Partial<Record<'segment' | 'channel' | 'order_type' | 'warehouse', string[]>>;
  restartOn: string[];
  exemptWhileOpen: { set: string; clear: string }[];
  severity: { majorFromPct: number; criticalAbovePct: number };
  atRiskPct: number;
}

export interface SlaDefinitions {
  version: string;
  changeNote: string;
  history: { version: string; note: string }[];
  rules: SlaRuleDefinition[];
  calendars: { id: string; label: string; timeZone: string; alwaysOpen: boolean; businessDayHours: number; holidays: string[] }[];
}
