// The batch path: every case of a log through the pure checker (check.ts), results written with
// the appender. Traces are streamed from case_trace in case order as integer activity codes and
// epoch seconds; one case is held at a time. Runs inside the caller's transaction (the case-view
// refresh calls it last), so readers never see results of another trace state.
import type { Tx } from '../../sql';
import { checkTrace, compileModel, type CaseCheck } from './check';
import { loadReferenceModel, modelFromVariant, ReferenceModelError, type ReferenceModel } from './model';

type Value = string | number | boolean | null;

async function appendTyped(tx: Tx, table: string, kinds: string, rows: readonly Value[][]): Promise<void> {
  await tx.appendTyped(table, kinds, rows);
}

export interface ConformanceRefreshResult {
  logId: string;
  perspective: string;
  modelId: string;
  modelVersion: number;
  cases: number;
  deviations: number;
  violations: number;
  /** The model file's error when not strict (no results were written). */
  error?: string;
  /** Seconds: reading and checking (stream), writing (append), total. */
  seconds: { stream: number; append: number; total: number };
}

export interface RefreshConformanceOptions {
  /** The model to check against; default: the file's model for its perspective, else the most frequent variant. */
  model?: ReferenceModel;
  /** The model file (default policies/reference-model.json). */
  modelFile?: string;
  /**
   * Throw when the model file is invalid (default). With false (the case-view refresh), the log's
   * results are cleared and the error returned in `error`, so a bad edit of the file does not stop
   * case views, maps and KPIs; readers (ensureConformance) then retry strictly and report it.
   */
  strict?: boolean;
}

/** The model a (log, perspective) is checked against when none is given. */
export async function modelFor(tx: Pick<Tx, 'query'>, logId: string, perspective: string, modelFile?: string): Promise<ReferenceModel | null> {
  const file = loadReferenceModel(modelFile);
  if (file.perspective === perspective) return file;
  const rows = await tx.query<{ activity: string }>('mining/conformance/top-variant', { log_id: logId, perspective });
  return rows.length ? modelFromVariant(rows.map((r) => r.activity), perspective, logId) : null;
}

/**
 * Rebuilds case_fitness, case_deviations and case_rule_violations (and the conformance_runs
 * row) of one log and perspective inside `tx`, from its case_trace.
 */
export async function refreshConformance(tx: Tx, logId: string, perspective: string, opts: RefreshConformanceOptions = {}): Promise<ConformanceRefreshResult> {
  const started = performance.now();
  const key = { log_id: logId, perspective };
  for (const t of ['fitness', 'deviations', 'violations', 'run']) await tx.query(`mining/conformance/clear-${t}`, key);
  let model: ReferenceModel | null;
  try {
    model = opts.model ?? (await modelFor(tx, logId, perspective, opts.modelFile));
  } catch (err) {
    if (opts.strict !== false || !(err instanceof ReferenceModelError)) throw err;
    return {
      logId, perspective, modelId: '', modelVersion: 0, cases: 0, deviations: 0, violations: 0, error: err.message,
      seconds: { stream: 0, append: 0, total: (performance.now() - started) / 1000 },
    };
  }
  const vocab = await tx.query<{ activity: string; code: number; log_end: number }>('mining/conformance/vocabulary', key);
  const result: ConformanceRefreshResult = {
    logId, perspective, modelId: model?.id ?? '', modelVersion: model?.version ?? 0, cases: 0, deviations: 0, violations: 0,
    seconds: { stream: 0, append: 0, total: 0 },
  };
  if (!model || vocab.length === 0) {
    result.seconds.total = (performance.now() - started) / 1000;
    return result;
  }
  const version = model.version;
  const logEnd = vocab[0].log_end;
  const openAfter = logEnd - model.openCaseDays * 86400;
  const cm = compileModel(model, vocab.map((v) => v.activity));

  const fitnessRows: Value[][] = [];
  const deviationRows: Value[][] = [];
  const violationRows: Value[][] = [];
  const emit = (caseNo: number, c: CaseCheck) => {
    fitnessRows.push([logId, perspective, caseNo, c.fitness, c.nDeviations, c.expectedSteps, c.nEvents, c.violations.length, c.open, version]);
    for (const d of c.deviations) {
      deviationRows.push([logId, perspective, caseNo, d.kind, d.stepNo, d.activity, d.related, d.position, d.count, d.costSeconds, d.seq, version]);
    }
    for (const v of c.violations) {
      violationRows.push([logId, perspective, caseNo, v.ruleId, v.kind, v.seq, v.activity, v.relatedSeq, v.relatedActivity, v.costSeconds, version]);
    }
  };

  // One case at a time in growable buffers; a case may span chunks.
  let acts = new Int32Array(1024);
  let ts = new Float64Array(1024);
  let n = 0;
  let current = -1;
  const flush = () => {
    if (n === 0) return;
    emit(current, checkTrace(cm, acts, ts, 0, n, ts[n - 1] > openAfter));
    n = 0;
  };
  for await (const chunk of tx.stream('mining/conformance/traces', key)) {
    const rows = chunk.rowCount;
    for (let i = 0; i < rows; i++) {
      const caseNo = chunk.item(0, i) as number;
      if (caseNo !== current) {
        flush();
        current = caseNo;
      }
      if (n === acts.length) {
        const a = new Int32Array(n * 2);
        a.set(acts);
        acts = a;
        const t = new Float64Array(n * 2);
        t.set(ts);
        ts = t;
      }
      acts[n] = chunk.item(1, i) as number;
      ts[n] = chunk.item(2, i) as number;
      n += 1;
    }
  }
  flush();
  const streamed = performance.now();
  result.seconds.stream = (streamed - started) / 1000;

  await appendTyped(tx, 'case_fitness', 'vvidiiiibi', fitnessRows);
  await appendTyped(tx, 'case_deviations', 'vvivivvvidii', deviationRows);
  await appendTyped(tx, 'case_rule_violations', 'vvivvivivdi', violationRows);
  result.cases = fitnessRows.length;
  result.deviations = deviationRows.length;
  result.violations = violationRows.length;
  result.seconds.append = (performance.now() - streamed) / 1000;
  result.seconds.total = (performance.now() - started) / 1000;
  await tx.query('mining/conformance/record-run', {
    ...key, model_id: model.id, model_version: version, model: JSON.stringify(model), log_end: logEnd,
    cases: result.cases, seconds: result.seconds.total,
  });
  return result;
}
