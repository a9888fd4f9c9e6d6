// Shapes of the exception queues (mining/exceptions): plain data, safe to send to the dashboard.
// Times are ISO-8601 UTC; ages are seconds as of the log's newest event.

export type ExceptionQueueId = 'sla' | 'creditHolds' | 'shippedNotInvoiced' | 'pricingApprovals' | 'disputesAging' | 'latePayments';

/** The dimensions a queue is grouped and filtered by. */
export type ExceptionGroupDim = 'warehouse' | 'segment' | 'orderType' | 'channel' | 'team';

/** Group filters: only rows with this value (a multi-warehouse row matches each of its warehouses). */
export type ExceptionGroupFilters = Partial<Record<ExceptionGroupDim, string>>;

export type ExceptionSortKey = 'age' | 'amount' | 'case' | 'team' | 'warehouse' | 'due';

export interface ExceptionQueueInfo {
  id: ExceptionQueueId;
  label: string;
  /** What puts a row in the queue, in words. */
  definition: string;
  /** What the age counts from, e.g. "since the credit block was set". */
  ageBasis: string;
}

export interface ExceptionGroupCount {
  value: string | null;
  count: number;
}

export interface ExceptionQueueSummary extends ExceptionQueueInfo {
  count: number;
  /** Amount at stake per currency (largest first); one entry for a single-currency log. */
  amounts: { currency: string | null; amount: number }[];
  /** Age of the oldest row in seconds; null when the queue is empty. */
  oldestSeconds: number | null;
  /** Rows per value of each dimension, over the rows passing the other dimensions' group filters (a chosen dimension keeps its other values). */
  byGroup: Record<ExceptionGroupDim, ExceptionGroupCount[]>;
}

export interface ExceptionsSummary {
  logId: string;
  /** The newest event of the log: what ages are measured to. */
  asOf: string;
  queues: ExceptionQueueSummary[];
}

export interface ExceptionRow {
  queue: ExceptionQueueId;
  caseId: string;
  /** The object of the case the row is about (delivery:…, invoice:…, dispute:…, order_line:…); null = the order. */
  objectId: string | null;
  /** When it started waiting (the block set, the goods issue, the request, the dispute opened, the day after the due date, the clock's start). */
  since: string;
  /** The SLA clock's due time, the invoice's due (day after its due date); null otherwise. */
  due: string | null;
  ageSeconds: number;
  amount: number | null;
  currency: string | null;
  /** What to do next, in plain words. */
  nextStep: string;
  team: string;
  warehouse: string | null;
  segment: string | null;
  orderType: string | null;
  channel: string | null;
  /** SLA rows: the clock's status (open_breached, at_risk) and rule. */
  status: string | null;
  ruleId: string | null;
  ruleLabel: string | null;
}

export interface ExceptionQueuePage extends ExceptionQueueInfo {
  logId: string;
  asOf: string;
  total: number;
  rows: ExceptionRow[];
}
