// What analyst SQL may see and call. An allowlist, not a denylist: a table added to the store later
// (sign-in, audit, notebooks, credentials) stays invisible to notebooks until it is listed here.

/** Store tables (and views) copied into the analyst snapshot, with what they hold (schema panel). */
export const ANALYST_TABLES: Record<string, string> = {
  logs: 'Event logs in the store: id, name, kind (o2c, xes, ocel, csv)',
  events: 'Every event of every log (OCEL 2.0 shaped): activity, timestamp, amount, source lineage',
  objects: 'Business objects (orders, lines, deliveries, invoices, …) with their attributes',
  object_changes: 'Attribute changes of objects over time',
  event_object: 'Which objects each event touches, and in which role',
  object_object: 'Relations between objects (order → delivery → invoice …)',
  case_trace: 'Each case perspective’s trace: (log, perspective, case) → event in order',
  case_events: 'case_trace with each event’s columns (view)',
  cases: 'One row per case: span, variant, O2C milestones and attributes',
  case_variants: 'Variants per log and perspective, numbered by frequency',
  log_activities: 'Activity codes per log (case_trace.act / prev_act)',
  invoice_facts: 'One row per invoice: invoice latency, due date, payment, DSO inputs',
  dispute_facts: 'One row per opened dispute: when it was first opened and last resolved',
  invoice_settlement: 'One row per invoice: due date, when it was cleared or credited, disputes',
  order_facts: 'One row per order case: credit holds, pricing approval, release and delivery times',
  ar_ledger: 'Receivables movements: invoices, credit memos, cash, deductions',
  sla_clocks: 'SLA clock instances per case and rule: start, stop, business duration, breach',
  sla_calendar_windows: 'Working windows of the SLA business calendars',
  case_fitness: 'Conformance fitness per case against the reference model',
  case_deviations: 'Conformance deviations per case (skipped, repeated, out-of-order, unexpected)',
  case_rule_violations: 'Reference-model rule violations with the events involved',
  exception_rows: 'Rows of the exception work queues (SLA breaches, credit holds, disputes, …)',
  activity_instances: 'Activity instances (start/complete pairs) of case-centric logs',
  log_attributes: 'Log-level attributes of imported XES files',
};

/** Table functions analyst SQL may call, besides the process macros found in the snapshot. */
export const TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest', 'json_each', 'json_tree']);

/** Table functions that read files or folders: refused with a reason of their own. */
const FILE_READERS =
  /^(read_\w+|glob|sniff_csv|parquet_\w+|iceberg_\w+|delta_scan|sqlite_scan|sqlite_attach|postgres_\w+|mysql_\w+|arrow_scan\w*|seq_scan|read_duckdb)$/;

/** Why a table function outside the allowlist is refused. */
export function tableFunctionRefusal(name: string): string {
  if (FILE_READERS.test(name)) return `${name} reads files; notebooks cannot read files`;
  if (name === 'query' || name === 'query_table' || name === 'json_execute_serialized_sql')
    return `${name} runs SQL text the gate cannot check; write the query itself instead`;
  if (/^(duckdb_|pragma_|which_secret|checkpoint|force_checkpoint|enable_|disable_|truncate_duckdb_logs)/.test(name))
    return `${name} reads or changes the database's settings and catalog; notebooks see the analyst tables only`;
  return `${name} is not among the table functions notebooks may call (${[...TABLE_FUNCTIONS].join(', ')} and the process macros tl_…)`;
}

/** Scalar functions refused anywhere in a statement, and why. */
export const DENIED_FUNCTIONS: Record<string, string> = {
  getenv: 'reads the server’s environment',
  current_setting: 'reads the database’s settings',
  getvariable: 'reads session variables',
  nextval: 'changes a sequence',
  currval: 'reads a sequence of the store',
  setseed: 'changes the session’s random state',
  sleep_ms: 'only holds a worker',
  pg_sleep: 'only holds a worker',
  write_log: 'writes to the database log',
  json_execute_serialized_sql: 'runs SQL text the gate cannot check',
};

/**
 * Scalar functions that build their whole result in one step. DuckDB checks for interrupt() only
 * between chunks, so one call of `repeat(repeat('x', 1000000), 3000)` runs its ~30 s to the end
 * whatever the time limit; the gate wants their size argument to be a literal no larger than
 * AMPLIFY_MAX (and no such call inside another one's first argument). Value: the size argument's
 * position, or 'all' for range/generate_series's list form (every argument a literal).
 */
export const AMPLIFIERS: Record<string, number | 'all'> = {
  repeat: 1,
  lpad: 1,
  rpad: 1,
  list_resize: 1,
  array_resize: 1,
  range: 'all',
  generate_series: 'all',
};
export const AMPLIFY_MAX = 1_000_000;

/** Names a CTE may not take: they would hide the system views and functions the gate refuses. */
export const RESERVED_NAME = /^(duckdb_|pg_|information_schema|sqlite_|pragma_)/i;
