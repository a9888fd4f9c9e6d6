// Filters that compose (all must hold) and apply identically to every view: they select cases of
// one (log, perspective). Shared with the dashboard as types; the URL carries them as JSON.

import type { StageId } from '../kpi-library/targets';

export type TimeframeMode = 'contained' | 'intersecting' | 'started' | 'completed';

/** The case attributes a filter may name directly (columns of `cases`). */
export const CASE_COLUMNS = ['segment', 'channel', 'order_type', 'warehouse', 'customer_id', 'customer_name', 'currency', 'payment_terms'] as const;
export type CaseColumn = (typeof CASE_COLUMNS)[number];

/** The AR aging buckets a `receivable` filter may name (mining/ar-aging AGING_BUCKETS). */
export const FILTER_AGING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgingBucketId = (typeof FILTER_AGING_BUCKETS)[number];

/** The DSO-impact stages a `stage` filter may name (mining/kpi-library/targets.ts STAGE_IDS). */
export const FILTER_STAGES = ['creditHold', 'pricingApproval', 'warehouse', 'invoiceLatency', 'dispute', 'latePayment'] as const satisfies readonly StageId[];

export type Filter =
  /** Cases by their span against [from, to) (ISO date or date-time, UTC). */
  | { kind: 'timeframe'; from: string; to: string; mode: TimeframeMode }
  /** A case attribute (a `cases` column, or any attribute of the case object) in / not in values. */
  | { kind: 'attribute'; attribute: string; values: string[]; exclude?: boolean }
  /** Cases that contain (or, with absent, lack) an activity. */
  | { kind: 'activity'; activity: string; absent?: boolean }
  /**
   * Cases where `to` directly (or eventually) follows `from`; `absent` selects the others. With
   * `among` (directly only), judged on the traces projected onto those activities, the others
   * skipped: what the process map draws when it hides activities (`from` and `to` among them).
   */
  | { kind: 'follows'; from: string; to: string; directly: boolean; absent?: boolean; among?: string[] }
  /** Cases of the given variants (by their activity sequence, stable across refreshes). */
  | { kind: 'variant'; variants: string[][]; exclude?: boolean }
  /** Case duration (first to last event) within [minSeconds, maxSeconds]. */
  | { kind: 'duration'; minSeconds?: number; maxSeconds?: number }
  /**
   * Cases that start with one of `start` and/or end with one of `end`. With `among`: whose first
   * and/or last event among those activities is one of them (the map's start and end paths when it
   * hides activities).
   */
  | { kind: 'endpoints'; start?: string[]; end?: string[]; among?: string[] }
  /** Cases with an SLA clock of the rule (any rule when absent) in one of the statuses. */
  | { kind: 'sla'; ruleId?: string; statuses: string[] }
  /** Cases with a conformance deviation of a kind (any when absent), optionally at one activity. */
  | { kind: 'deviation'; deviation?: string; activity?: string }
  /**
   * Orders (O2C order perspective only) with an invoice created in [from, to), not cancelled and
   * with a gross amount, whose `stage` took longer than its target: the invoices the DSO impact
   * counts over target (sql/queries/mining/dso/invoice-stages.sql, policies/targets.json).
   */
  | { kind: 'stage'; stage: StageId; from: string; to: string }
  /**
   * Orders (O2C order perspective only) with an invoice still open (balance above one cent) at the
   * start of day `at` (a period's end: every AR movement dated before it, as AR aging and the DSO
   * count it), in one of the aging `buckets` by days past due on `at` (mining/ar-aging).
   */
  | { kind: 'receivable'; at: string; buckets: AgingBucketId[] }
  /** Exactly these cases (by case id). */
  | { kind: 'cases'; caseIds: string[] };

export type FilterKind = Filter['kind'];
