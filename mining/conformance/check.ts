// The pure conformance core: one case's trace (activity codes and times, in trace order) against a
// compiled reference model. No database; refresh.ts streams every case of a log through it.
// Definitions (deviation kinds, cost in time, fitness, rules): mining/README.md, Conformance.
import type { ModelRule, ReferenceModel, RuleKind } from './model';

export type DeviationKind = 'skipped' | 'repeated' | 'out-of-order' | 'unexpected';

export interface Deviation {
  kind: DeviationKind;
  /** The step (or, for unexpected, the activity) concerned. */
  activity: string;
  /** Index of the step in the model's list; null for an unexpected activity. */
  stepNo: number | null;
  /** out-of-order: the step whose first occurrence bounds it (`after` or `before` in the model). */
  related: string | null;
  /** out-of-order: early = before its `after` step; late = after its `before` step. */
  position: 'early' | 'late' | null;
  /** Deviation units: 1 for skipped and out-of-order, extra occurrences for repeated, occurrences for unexpected. */
  count: number;
  /** Seconds (see mining/README.md); null for skipped (nothing happened that could take time). */
  costSeconds: number | null;
  /** 1-based trace position of the event concerned (repeated: the first repeat); null for skipped. */
  seq: number | null;
}

export interface Violation {
  ruleId: string;
  kind: RuleKind;
  /** The offending event (1-based trace position) and its activity. */
  seq: number;
  activity: string;
  /** The event that makes it a violation (the block that was set, the step that should have come first), if any. */
  relatedSeq: number | null;
  relatedActivity: string | null;
  /** Seconds (see mining/README.md), null when the case holds no event that would have ended the violation. */
  costSeconds: number | null;
}

export interface CaseCheck {
  /** 1 − deviation units / (expected mandatory steps + events), at least 0. */
  fitness: number;
  nDeviations: number;
  expectedSteps: number;
  nEvents: number;
  open: boolean;
  deviations: Deviation[];
  violations: Violation[];
}

interface CompiledRule {
  id: string;
  kind: RuleKind;
  /** precedence: first; released-before: set; not-while: open; response: trigger. */
  a: number;
  /** released-before: release; not-while: close; else -1. */
  b: number;
  /** precedence: then; released-before: before; not-while: forbidden; response: response. */
  targets: Uint8Array;
}

/** A model bound to a vocabulary of activity codes (0..vocabulary.length − 1). */
export interface CompiledModel {
  model: ReferenceModel;
  vocabulary: readonly string[];
  stepOf: Int32Array;
  mandatory: Uint8Array;
  repeatable: Uint8Array;
  after: Int32Array;
  before: Int32Array;
  ends: Uint8Array;
  rules: CompiledRule[];
  /** Scratch arrays reused across cases. */
  first: Int32Array;
  second: Int32Array;
  last: Int32Array;
  count: Int32Array;
  due: Uint8Array;
  unexpectedCount: Int32Array;
  unexpectedCost: Float64Array;
  unexpectedFirst: Int32Array;
}

/** Binds `model` to the activity codes of a log: `vocabulary[code]` is the activity name. */
export function compileModel(model: ReferenceModel, vocabulary: readonly string[]): CompiledModel {
  const stepNo = new Map(model.steps.map((s, i) => [s.activity, i]));
  const n = model.steps.length;
  const v = vocabulary.length;
  const codeOf = new Map(vocabulary.map((a, i) => [a, i]));
  const stepOf = new Int32Array(v).fill(-1);
  vocabulary.forEach((a, i) => {
    const s = stepNo.get(a);
    if (s !== undefined) stepOf[i] = s;
  });
  const idx = (a: string | undefined) => (a === undefined ? -1 : (stepNo.get(a) ?? -1));
  const code = (a: string) => codeOf.get(a) ?? -1;
  const set = (names: readonly string[]) => {
    const m = new Uint8Array(v);
    for (const a of names) {
      const c = codeOf.get(a);
      if (c !== undefined) m[c] = 1;
    }
    return m;
  };
  const rule = (r: ModelRule): CompiledRule => {
    switch (r.kind) {
      case 'precedence': return { id: r.id, kind: r.kind, a: code(r.first), b: -1, targets: set(r.then) };
      case 'released-before': return { id: r.id, kind: r.kind, a: code(r.set), b: code(r.release), targets: set(r.before) };
      case 'not-while': return { id: r.id, kind: r.kind, a: code(r.open), b: code(r.close), targets: set(r.forbidden) };
      case 'response': return { id: r.id, kind: r.kind, a: code(r.trigger), b: -1, targets: set(r.response) };
    }
  };
  return {
    model,
    vocabulary,
    stepOf,
    mandatory: Uint8Array.from(model.steps, (s) => (s.mandatory ? 1 : 0)),
    repeatable: Uint8Array.from(model.steps, (s) => (s.repeatable ? 1 : 0)),
    after: Int32Array.from(model.steps, (s) => idx(s.after)),
    before: Int32Array.from(model.steps, (s) => idx(s.before)),
    ends: Uint8Array.from(model.steps, (s) => (s.ends ? 1 : 0)),
    rules: model.rules.map(rule),
    first: new Int32Array(n),
    second: new Int32Array(n),
    last: new Int32Array(n),
    count: new Int32Array(n),
    due: new Uint8Array(n),
    unexpectedCount: new Int32Array(v),
    unexpectedCost: new Float64Array(v),
    unexpectedFirst: new Int32Array(v),
  };
}

type Nums = ArrayLike<number>;

/**
 * Checks the trace held in acts[from..to) and ts[from..to) (activity codes, epoch seconds; trace
 * order). `open`: the case may still be running, so a missing mandatory step is skipped only when a
 * step that must follow it (through the chain of `after`s) occurred; otherwise it is pending. Response rules are not checked on open cases.
 */
export function checkTrace(cm: CompiledModel, acts: Nums, ts: Nums, from: number, to: number, open: boolean): CaseCheck {
  const { stepOf, first, second, last, count, unexpectedCount, unexpectedCost, unexpectedFirst, model } = cm;
  const steps = model.steps;
  const nSteps = steps.length;
  count.fill(0);
  const unexpectedCodes: number[] = [];
  for (let k = from; k < to; k++) {
    const c = acts[k];
    const s = stepOf[c];
    if (s < 0) {
      if (unexpectedCount[c] === 0) {
        unexpectedCodes.push(c);
        unexpectedCost[c] = 0;
        unexpectedFirst[c] = k;
      }
      unexpectedCount[c] += 1;
      if (k > from) unexpectedCost[c] += ts[k] - ts[k - 1];
      continue;
    }
    if (count[s] === 0) first[s] = k;
    else if (count[s] === 1) second[s] = k;
    last[s] = k;
    count[s] += 1;
  }
  const seqOf = (k: number) => k - from + 1;
  const deviations: Deviation[] = [];
  let endStep = nSteps;
  const due = cm.due;
  if (open) due.fill(0);
  for (let s = 0; s < nSteps; s++) {
    if (count[s] === 0) continue;
    if (cm.ends[s] && s < endStep) endStep = s;
    if (!open) continue;
    // In an open case a step is due once a step that must come after it occurred.
    for (let a = cm.after[s]; a >= 0; a = cm.after[a]) due[a] = 1;
  }
  let expected = 0;
  for (let s = 0; s < nSteps; s++) {
    if (!cm.mandatory[s]) continue;
    if (count[s] > 0) { expected += 1; continue; }
    if (s > endStep) continue; // the case ended before it (e.g. a cancelled order)
    if (open && !due[s]) continue; // not yet due
    expected += 1;
    deviations.push({ kind: 'skipped', activity: steps[s].activity, stepNo: s, related: null, position: null, count: 1, costSeconds: null, seq: null });
  }
  for (let s = 0; s < nSteps; s++) {
    if (count[s] < 2 || cm.repeatable[s]) continue;
    deviations.push({
      kind: 'repeated', activity: steps[s].activity, stepNo: s, related: null, position: null,
      count: count[s] - 1, costSeconds: ts[last[s]] - ts[first[s]], seq: seqOf(second[s]),
    });
  }
  for (let s = 0; s < nSteps; s++) {
    if (count[s] === 0) continue;
    let a = cm.after[s];
    while (a >= 0 && count[a] === 0) a = cm.after[a];
    if (a >= 0 && first[a] > first[s]) {
      deviations.push({
        kind: 'out-of-order', activity: steps[s].activity, stepNo: s, related: steps[a].activity, position: 'early',
        count: 1, costSeconds: ts[first[a]] - ts[first[s]], seq: seqOf(first[s]),
      });
      continue;
    }
    const b = cm.before[s];
    if (b >= 0 && count[b] > 0 && first[b] < first[s]) {
      deviations.push({
        kind: 'out-of-order', activity: steps[s].activity, stepNo: s, related: steps[b].activity, position: 'late',
        count: 1, costSeconds: ts[first[s]] - ts[first[b]], seq: seqOf(first[s]),
      });
    }
  }
  unexpectedCodes.sort((x, y) => unexpectedFirst[x] - unexpectedFirst[y]);
  for (const c of unexpectedCodes) {
    deviations.push({
      kind: 'unexpected', activity: cm.vocabulary[c], stepNo: null, related: null, position: null,
      count: unexpectedCount[c], costSeconds: unexpectedCost[c], seq: seqOf(unexpectedFirst[c]),
    });
    unexpectedCount[c] = 0;
  }
  let units = 0;
  for (const d of deviations) units += d.count;
  const nEvents = to - from;
  const fitness = Math.max(0, 1 - units / (expected + nEvents));
  const violations: Violation[] = [];
  for (const r of cm.rules) checkRule(cm, r, acts, ts, from, to, open, violations);
  return { fitness, nDeviations: units, expectedSteps: expected, nEvents, open, deviations, violations };
}

function checkRule(cm: CompiledModel, r: CompiledRule, acts: Nums, ts: Nums, from: number, to: number, open: boolean, out: Violation[]): void {
  if (r.a < 0 && r.kind !== 'precedence') return; // the triggering activity never occurs in this log
  const name = (k: number) => cm.vocabulary[acts[k]];
  const push = (k: number, rel: number, cost: number | null) =>
    out.push({
      ruleId: r.id, kind: r.kind, seq: k - from + 1, activity: name(k),
      relatedSeq: rel >= 0 ? rel - from + 1 : null, relatedActivity: rel >= 0 ? name(rel) : null, costSeconds: cost,
    });
  const next = (c: number, k0: number) => {
    if (c < 0) return -1;
    for (let k = k0; k < to; k++) if (acts[k] === c) return k;
    return -1;
  };
  switch (r.kind) {
    case 'precedence': {
      // Every target event needs an `a` event earlier; related = the first `a` event (later), if any.
      const f = next(r.a, from);
      const stop = f < 0 ? to : f;
      for (let k = from; k < stop; k++) if (r.targets[acts[k]]) push(k, f, f < 0 ? null : ts[f] - ts[k]);
      return;
    }
    case 'released-before':
    case 'not-while': {
      // Windows from each `a` to the next `b` (or the end of the trace); an event reported once.
      let reported = from - 1;
      for (let i = from; i < to; i++) {
        if (acts[i] !== r.a) continue;
        const close = next(r.b, i + 1);
        const end = close < 0 ? to : close;
        for (let j = Math.max(i + 1, reported + 1); j < end; j++) {
          if (!r.targets[acts[j]]) continue;
          push(j, i, close < 0 ? null : ts[close] - ts[j]);
          reported = j;
          if (r.kind === 'released-before') break;
        }
      }
      return;
    }
    case 'response': {
      if (open) return;
      for (let i = from; i < to; i++) {
        if (acts[i] !== r.a) continue;
        let ok = false;
        for (let j = i + 1; j < to && !ok; j++) ok = r.targets[acts[j]] === 1;
        if (!ok) push(i, -1, ts[to - 1] - ts[i]);
      }
      return;
    }
  }
}

/** Convenience for tests and single cases: names and ISO/epoch times instead of codes. */
export function checkCase(model: ReferenceModel, events: readonly { activity: string; ts: string | number | Date }[], open = false): CaseCheck {
  const vocabulary = [...new Set([...model.steps.map((s) => s.activity), ...events.map((e) => e.activity), ...ruleActivities(model)])];
  const cm = compileModel(model, vocabulary);
  const code = new Map(vocabulary.map((a, i) => [a, i]));
  const acts = events.map((e) => code.get(e.activity) as number);
  const secs = events.map((e) => (typeof e.ts === 'number' ? e.ts : new Date(e.ts).getTime() / 1000));
  return checkTrace(cm, acts, secs, 0, events.length, open);
}

function ruleActivities(model: ReferenceModel): string[] {
  return model.rules.flatMap((r) => {
    switch (r.kind) {
      case 'precedence': return [r.first, ...r.then];
      case 'released-before': return [r.set, r.release, ...r.before];
      case 'not-while': return [r.open, r.close, ...r.forbidden];
      case 'response': return [r.trigger, ...r.response];
    }
  });
}
