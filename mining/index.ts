// The mining facade: what server/, cli/ and bench/ may use. pm4py-like shape: each function takes
// the store and an options object with defaults. Heavy aggregation runs in DuckDB
// (sql/queries/mining/**), graph work in plain TypeScript (simplify.ts).
export { refreshAndPrepare } from './prepare';
export { refreshCaseViews, ensureCaseViews, logPerspectives, O2C_OBJECT_PERSPECTIVES, type RefreshResult, type CasePerspective } from './refresh';
export { compileFilters, FilterError } from './filter/compile';
export { CASE_COLUMNS } from './filter/types';
export { filterOptions } from './filter/options';
export { overviewKpis, kpiTrend, openSlaBreaches, dsoSimple, dsoCountback, KPI_DEFINITIONS } from './kpis';
export type { OverviewOptions, TrendOptions, SlaCount } from './kpis';
export { processMap, type ProcessMapOptions } from './process-map';
export { simplifyMap, selectActivities, START, END, type Graph, type Simplified } from './simplify';
export { logSummaries, dataRange } from './logs';
export { logStats, type LogStats, type CaseStats, type VariantCount } from './log-stats';
export { policiesDir } from './policies-dir';
export { refreshSla, ensureSla, slaBreaches, slaSummary, slaDefinitions, loadSlaPolicy, PolicyError, type SlaPolicy, type SlaRule } from './sla';
export { conformanceSummary, caseConformance, refreshConformance, loadReferenceModel, saveReferenceModel } from './conformance';
export { kpiValues, KPIS, kpiDefinition } from './kpi-library';
export { dsoImpact } from './dso-impact';
export { arAging, openDisputes, AGING_BUCKETS } from './ar-aging';
export { rootCause, builtInOutcomes, slaBreachOutcome } from './root-cause';
export * from './views';
export { exceptionsSummary, exceptionQueue, EXCEPTION_QUEUES, EXCEPTION_QUEUE_IDS } from './exceptions';
export { businessSeconds, type Calendar } from './calendar';
export { lastFullMonth, previousPeriod, buckets } from './periods';
export type * from './types';
export * from './cases';
