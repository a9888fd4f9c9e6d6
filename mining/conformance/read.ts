// Readers over the materialised conformance results (sql/schema/014_conformance.sql), restricted to
// a case selection (mining/filter/selection.ts), and the freshness check that recomputes them when
// the case view or the model file changed since they were written.
import type { Store } from '../../sql';
import { ALL_CASES, selectedQuery, type CaseSelection } from '../filter/selection';
import { ensureCaseViews } from '../refresh';
import type { DeviationKind } from './check';
import { loadReferenceModel, type ModelRule, type ReferenceModel } from './model';
import { refreshConformance } from './refresh';

export interface DeviationSummary {
  kind: DeviationKind;
  activity: string;
  stepNo: number | null;
  relatedActivity: string | null;
  position: 'early' | 'late' | null;
  /** Selected cases with this deviation, and their share of the selected cases. */
  cases: number;
  share: number;
  /** Deviation units (extra occurrences for repeated, occurrences for unexpected, else 1 per case). */
  units: number;
  /** Seconds summed and median over the cases (null for skipped: no time is attached). */
  totalCostSeconds: number | null;
  medianCostSeconds: number | null;
}

export interface RuleSummary {
  ruleId: string;
  kind: ModelRule['kind'];
  description: string;
  violations: number;
  cases: number;
  share: number;
  totalCostSeconds: number | null;
  medianCostSeconds: number | null;
}

export interface ConformanceSummary {
  logId: string;
  perspective: string;
  /** The model the results were computed with; null when there are none (empty or read-only store never refreshed). */
  model: { id: string; version: number; name: string } | null;
  computedAt: string | null;
  cases: number;
  openCases: number;
  /** Mean case fitness and share of cases without any deviation (null without cases). */
  meanFitness: number | null;
  shareFitting: number | null;
  casesWithViolations: number;
  deviations: DeviationSummary[];
  /** Every rule of the model, violated or not. */
  rules: RuleSummary[];
}

export interface CaseConformance {
  logId: string;
  perspective: string;
  caseId: string;
  caseNo: number;
  modelVersion: number | null;
  fitness: number | null;
  nDeviations: number;
  expectedSteps: number;
  nEvents: number;
  open: boolean;
  deviations: Array<{
    kind: DeviationKind; stepNo: number | null; activity: string; relatedActivity: string | null; position: 'early' | 'late' | null;
    count: number; costSeconds: number | null; seq: number | null; ts: string | null;
  }>;
  violations: Array<{
    ruleId: string; kind: ModelRule['kind']; description: string | null; seq: number; activity: string; ts: string | null;
    relatedSeq: number | null; relatedActivity: string | null; relatedTs: string | null; costSeconds: number | null;
  }>;
}

interface RunRow { model_id: string; model_version: number; model: string; computed_at: string; log_end: string | null; cases: number; current: boolean | null }

async function run(store: Store, logId: string, perspective: string): Promise<RunRow | undefined> {
  const [row] = await store.query<RunRow>('mining/conformance/run', { log_id: logId, perspective });
  return row;
}

/**
 * Makes sure conformance results exist for the log's case view and the current model file,
 * recomputing them (in their own transaction) when missing, older than the case view, or made
 * with another model version. A read-only store is used as it is. Returns the perspective
 * (default: the log's default perspective).
 */
export async function ensureConformance(store: Store, logId: string, modelFile?: string, requested?: string): Promise<string> {
  const perspective = await ensureCaseViews(store, logId, requested);
  if (store.readOnly) return perspective;
  const r = await run(store, logId, perspective);
  let stale = !r || r.current === false;
  if (r && !stale) {
    const file = loadReferenceModel(modelFile);
    if (file.perspective === perspective) stale = file.id !== r.model_id || file.version !== r.model_version;
  }
  if (stale) await store.transaction((tx) => refreshConformance(tx, logId, perspective, { modelFile }));
  return perspective;
}

export interface ConformanceSummaryOptions {
  logId?: string;
  perspective?: string;
  selection?: CaseSelection;
  modelFile?: string;
}

/** Overall fitness, deviations by kind and step, and rule violations over the selected cases. */
export async function conformanceSummary(store: Store, opts: ConformanceSummaryOptions = {}): Promise<ConformanceSummary> {
  const logId = opts.logId ?? 'o2c';
  const perspective = await ensureConformance(store, logId, opts.modelFile, opts.perspective);
  const selection = opts.selection ?? ALL_CASES;
  const params = { log_id: logId, perspective };
  const [r, [overall], devs, rules] = await Promise.all([
    run(store, logId, perspective),
    selectedQuery<{ cases: number; mean_fitness: number | null; share_fitting: number | null; open_cases: number; cases_with_violations: number }>(
      store, 'mining/conformance/summary-overall', params, selection),
    selectedQuery<{
      kind: DeviationKind; activity: string; related_activity: string | null; position: 'early' | 'late' | null; step_no: number | null;
      cases: number; units: number; total_cost_seconds: number | null; median_cost_seconds: number | null;
    }>(store, 'mining/conformance/summary-deviations', params, selection),
    selectedQuery<{ rule_id: string; violations: number; cases: number; total_cost_seconds: number | null; median_cost_seconds: number | null }>(
      store, 'mining/conformance/summary-rules', params, selection),
  ]);
  const model = r ? (JSON.parse(r.model) as ReferenceModel) : null;
  const n = overall?.cases ?? 0;
  const share = (k: number) => (n ? k / n : 0);
  const byRule = new Map(rules.map((x) => [x.rule_id, x]));
  return {
    logId,
    perspective,
    model: model ? { id: model.id, version: model.version, name: model.name } : null,
    computedAt: r?.computed_at ?? null,
    cases: n,
    openCases: overall?.open_cases ?? 0,
    meanFitness: n ? overall.mean_fitness : null,
    shareFitting: n ? overall.share_fitting : null,
    casesWithViolations: overall?.cases_with_violations ?? 0,
    deviations: devs.map((d) => ({
      kind: d.kind, activity: d.activity, stepNo: d.step_no, relatedActivity: d.related_activity, position: d.position,
      cases: d.cases, share: share(d.cases), units: d.units, totalCostSeconds: d.total_cost_seconds, medianCostSeconds: d.median_cost_seconds,
    })),
    rules: (model?.rules ?? []).map((rule) => {
      const x = byRule.get(rule.id);
      return {
        ruleId: rule.id, kind: rule.kind, description: rule.description, violations: x?.violations ?? 0, cases: x?.cases ?? 0,
        share: share(x?.cases ?? 0), totalCostSeconds: x?.total_cost_seconds ?? null, medianCostSeconds: x?.median_cost_seconds ?? null,
      };
    }),
  };
}

/** One case's fitness, deviations and rule violations with the events involved (the case page). Null when the case does not exist. */
export async function caseConformance(
  store: Store,
  opts: { logId?: string; perspective?: string; caseId: string; modelFile?: string },
): Promise<CaseConformance | null> {
  const logId = opts.logId ?? 'o2c';
  const perspective = await ensureConformance(store, logId, opts.modelFile, opts.perspective);
  const params = { log_id: logId, perspective };
  const [c] = await store.query<{
    case_no: number; case_id: string; fitness: number | null; n_deviations: number | null; expected_steps: number | null;
    n_events: number | null; n_violations: number | null; is_open: boolean | null; model_version: number | null;
  }>('mining/conformance/case-fitness', { ...params, case_id: opts.caseId });
  if (!c) return null;
  const [devs, viols, r] = await Promise.all([
    store.query<{
      kind: DeviationKind; step_no: number | null; activity: string; related_activity: string | null; position: 'early' | 'late' | null;
      count: number; cost_seconds: number | null; seq: number | null; ts: string | null;
    }>('mining/conformance/case-deviations', { ...params, case_no: c.case_no }),
    store.query<{
      rule_id: string; rule_kind: ModelRule['kind']; seq: number; activity: string; ts: string | null; related_seq: number | null;
      related_activity: string | null; related_ts: string | null; cost_seconds: number | null;
    }>('mining/conformance/case-violations', { ...params, case_no: c.case_no }),
    run(store, logId, perspective),
  ]);
  const rules = new Map(((r ? (JSON.parse(r.model) as ReferenceModel) : null)?.rules ?? []).map((x) => [x.id, x.description]));
  return {
    logId, perspective, caseId: c.case_id, caseNo: c.case_no, modelVersion: c.model_version, fitness: c.fitness,
    nDeviations: c.n_deviations ?? 0, expectedSteps: c.expected_steps ?? 0, nEvents: c.n_events ?? 0, open: c.is_open ?? false,
    deviations: devs.map((d) => ({
      kind: d.kind, stepNo: d.step_no, activity: d.activity, relatedActivity: d.related_activity, position: d.position,
      count: d.count, costSeconds: d.cost_seconds, seq: d.seq, ts: d.ts,
    })),
    violations: viols.map((v) => ({
      ruleId: v.rule_id, kind: v.rule_kind, description: rules.get(v.rule_id) ?? null, seq: v.seq, activity: v.activity, ts: v.ts,
      relatedSeq: v.related_seq, relatedActivity: v.related_activity, relatedTs: v.related_ts, costSeconds: v.cost_seconds,
    })),
  };
}
