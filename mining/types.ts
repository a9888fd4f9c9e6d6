// Shapes the mining facade returns. Shared by server/ and (as types only) by components/.
// Times are ISO-8601 UTC strings; durations are seconds unless the name says otherwise.

/** 'order' | 'case' | an object type (mining/refresh.ts). */
export type Perspective = string;
export type * from './filter/types';
export type { FilterOptions, AttributeOption } from './filter/options';
export type * from './sla/types';
export type * from './exceptions/types';
export type * from './cases/types';

/** Half-open period [from, to), ISO dates (YYYY-MM-DD) in UTC. */
export interface Period {
  from: string;
  to: string;
}

export type KpiUnit = 'count' | 'hours' | 'days' | 'usd' | 'percent';

export interface KpiValue {
  id: 'orders' | 'medianOrderToShipHours' | 'medianInvoiceLatencyHours' | 'dsoSimple' | 'dsoCountback' | 'openSlaBreaches' | string;
  label: string;
  value: number | null;
  /** The same KPI over the previous period of equal length, for comparison. */
  previous: number | null;
  unit: KpiUnit;
  /** Plain-language definition shown on hover (from docs/domain.md §5). */
  definition: string;
  /** Whether a higher value is better (drives the colour of the change). */
  higherIsBetter: boolean;
  /** Optional parts of the value, e.g. open breaches per SLA rule. */
  breakdown?: { id: string; label: string; value: number; previous: number | null }[];
}

export interface OverviewKpis {
  logId: string;
  period: Period;
  previousPeriod: Period;
  /** The time the data is "as of": the newest event in the log. */
  asOf: string;
  kpis: KpiValue[];
}

export interface TrendPoint {
  /** Start of the bucket, YYYY-MM-DD. */
  bucket: string;
  orders: number;
  medianOrderToShipHours: number | null;
  medianInvoiceLatencyHours: number | null;
  /** Null for a bucket that ends after the newest event (partial: a ratio over it misleads). */
  dsoSimple: number | null;
  /** True when the bucket ends after the newest event of the log. */
  partial?: boolean;
}

export interface MapNode {
  id: string; // the activity name, or '__start__' / '__end__'
  label: string;
  events: number;
  cases: number;
}

export interface MapEdge {
  source: string;
  target: string;
  /** Directly-follows pairs. */
  count: number;
  /** Distinct cases with this pair. */
  cases: number;
  medianSeconds: number | null;
  meanSeconds: number | null;
  p90Seconds: number | null;
  totalSeconds?: number | null;
  minSeconds?: number | null;
  maxSeconds?: number | null;
}

export interface ProcessMap {
  logId: string;
  perspective: Perspective;
  totalCases: number;
  totalEvents: number;
  nodes: MapNode[];
  edges: MapEdge[];
  /** What the simplification kept, in percent of activities / paths. */
  activityPct: number;
  pathPct: number;
}

/** The time span of a log's events (ISO-8601 UTC; null when it has none). */
export interface DataRange {
  logId: string;
  firstEvent: string | null;
  lastEvent: string | null;
  events: number;
}

export interface LogSummary {
  logId: string;
  name: string;
  kind: string;
  events: number;
  cases: number;
  objectsByType: Record<string, number>;
  firstEvent: string | null;
  lastEvent: string | null;
}

/** AR aging buckets by days past due at a period's end (mining/ar-aging). */
export type AgingBucketId = 'current' | 'd1_30' | 'd31_60' | 'd61_90' | 'd90_plus';

export interface AgingBucket {
  id: AgingBucketId;
  label: string;
  definition: string;
  /** Receivables open at the period end in the bucket (can include small credit balances). */
  amount: number;
  /** Invoices with an open balance above one cent in the bucket. */
  invoices: number;
}

export interface ArAging {
  period: Period;
  /** The period end (YYYY-MM-DD, midnight UTC): what "past due" is measured at. */
  asOf: string;
  buckets: AgingBucket[];
  /** Σ of the buckets: the AR that DSO divides. */
  total: number;
  invoices: number;
}

export interface OpenDisputes {
  period: Period;
  /** Disputes first opened in the period. */
  opened: number;
  /** Disputes opened before the period end and not resolved by then. */
  openAtEnd: number;
  /** Their age at the period end, in days. */
  medianAgeDays: number | null;
  meanAgeDays: number | null;
}

// The shapes of the finance and bottleneck answers, for the dashboard's components (types only).
export type { KpiValues, KpiSeries, KpiPoint } from './kpi-library/values';
export type { DsoImpact, StageImpact, Contribution } from './dso-impact/impact';
export type { StageId } from './kpi-library/targets';
export type { RootCause, Driver } from './root-cause/root-cause';
export type { TransitionTime, WipPoint, BottleneckDimension } from './views/bottlenecks';

export type { Variant, Variants } from './views/variants';
