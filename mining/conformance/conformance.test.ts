// The batch path and the readers on the hand-made six-order log (mining/testing/o2c-fixture.ts),
// with the shipped model and openCaseDays 10: the log ends 03-30 12:00, so a case whose last
// event is after 03-20 12:00 is open (A, B, C, F), D and E are finished.
//
// Per case (mandatory steps: CSO, Create Delivery, Pick, Pack, Ship, PGI, Invoice, Send Invoice, Deliver, Apply Cash):
// In an open case a missing step is skipped only if a step that must follow it (through `after`)
// occurred: Send Invoice and Deliver follow nothing that A or B contain, so they are still pending.
//   A  open: Apply Cash → Create Invoice → PGI → Confirm Shipment (missing): skipped Confirm Shipment (1);
//      7 present + 1 = 8 expected, 11 events → 1 − 1/19
//   B  open: PGI → Ship → Pack → Pick, all missing: skipped 3; 5 present + 3 = 8, 7 events → 1 − 3/15
//   C  open, only Set Credit Block after the order: nothing due; 1 expected → 1
//   D  finished with Create Sales Order only: 9 skipped; 10, 1 → 1 − 9/11
//   E  finished: skipped Pick, Pack, Ship, Send Invoice, Deliver, Apply Cash (6); 10, 7 → 1 − 6/17
//   F  open, PGI present: skipped Pick, Pack (2); PGI at seq 3 before Confirm Shipment at seq 4 (same
//      second: cost 0); 6 expected (4 present + 2 skipped), 4 events → 1 − 3/10
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../sql';
import { refreshCaseViews } from '../refresh';
import { o2cFixture } from '../testing/o2c-fixture';
import type { CaseSelection } from '../filter/selection';
import { caseConformance, conformanceSummary } from './read';
import { defaultModelPath, loadReferenceModel, parseReferenceModel, ReferenceModelError, saveReferenceModel } from './model';
import { refreshConformance } from './refresh';

const FITNESS: Record<string, number> = {
  'sales_order:1': 1 - 1 / 19,
  'sales_order:2': 1 - 3 / 15,
  'sales_order:3': 1,
  'sales_order:4': 1 - 9 / 11,
  'sales_order:5': 1 - 6 / 17,
  'sales_order:6': 1 - 3 / 10,
};

let dir: string;
let modelFile: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-conformance-'));
  modelFile = join(dir, 'reference-model.json');
  writeFileSync(modelFile, JSON.stringify({ ...loadReferenceModel(), openCaseDays: 10 }));
  store = await Store.open(':memory:');
  await o2cFixture().write(store);
  await refreshCaseViews(store, 'o2c');
  await store.transaction((tx) => refreshConformance(tx, 'o2c', 'order', { modelFile }));
});
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('refreshConformance and the readers (six-order fixture)', () => {
  it('writes one fitness row per case with the hand-worked values', async () => {
    const rows = await store.sql<{ case_id: string; fitness: number; n_deviations: number; expected_steps: number; is_open: boolean }>(
      `SELECT c.case_id, f.fitness, f.n_deviations, f.expected_steps, f.is_open FROM case_fitness f
       JOIN cases c USING (log_id, perspective, case_no) WHERE f.log_id = 'o2c' ORDER BY c.case_id`,
    );
    expect(rows.map((r) => r.case_id)).toEqual(Object.keys(FITNESS));
    for (const r of rows) expect(r.fitness, r.case_id).toBeCloseTo(FITNESS[r.case_id], 12);
    expect(rows.map((r) => [r.n_deviations, r.expected_steps, r.is_open])).toEqual([
      [1, 8, true], [3, 8, true], [0, 1, true], [9, 10, false], [6, 10, false], [3, 6, true],
    ]);
  });

  it('summarises fitness, deviations by kind and step, and every rule of the model', async () => {
    const s = await conformanceSummary(store, { logId: 'o2c', perspective: 'order', modelFile });
    expect(s.model).toEqual({ id: 'o2c-order', version: loadReferenceModel().version, name: 'Order-to-cash, order perspective' });
    expect(s.cases).toBe(6);
    expect(s.openCases).toBe(4);
    expect(s.meanFitness).toBeCloseTo(Object.values(FITNESS).reduce((a, b) => a + b, 0) / 6, 12);
    expect(s.shareFitting).toBeCloseTo(1 / 6, 12);
    const line = (kind: string, activity: string) => s.deviations.find((d) => d.kind === kind && d.activity === activity);
    // Send Invoice: skipped by the finished D and E (pending in A and B); Create Delivery only by D.
    expect(line('skipped', 'Send Invoice')).toMatchObject({ cases: 2, share: 2 / 6, units: 2, totalCostSeconds: null, medianCostSeconds: null });
    expect(line('skipped', 'Confirm Pick')).toMatchObject({ cases: 4, share: 4 / 6 });
    expect(line('skipped', 'Create Delivery')).toMatchObject({ cases: 1, units: 1, stepNo: 14 });
    expect(line('out-of-order', 'Post Goods Issue')).toMatchObject({ cases: 1, relatedActivity: 'Confirm Shipment', position: 'early', totalCostSeconds: 0 });
    expect(s.deviations[0].cases).toBeGreaterThanOrEqual(s.deviations[s.deviations.length - 1].cases);
    expect(s.rules.map((r) => [r.ruleId, r.violations])).toEqual(loadReferenceModel().rules.map((r) => [r.id, 0]));
  });

  it('restricts the summary to a case selection', async () => {
    const selection: CaseSelection = {
      sql: `(SELECT case_no FROM cases WHERE log_id = $log_id AND perspective = $perspective AND case_id IN ('sales_order:2', 'sales_order:5'))`,
      params: {},
      all: false,
    };
    const s = await conformanceSummary(store, { logId: 'o2c', perspective: 'order', selection, modelFile });
    expect(s.cases).toBe(2);
    expect(s.meanFitness).toBeCloseTo((FITNESS['sales_order:2'] + FITNESS['sales_order:5']) / 2, 12);
    expect(s.shareFitting).toBe(0);
    expect(s.deviations.find((d) => d.kind === 'skipped' && d.activity === 'Confirm Pick')).toMatchObject({ cases: 2, share: 1 });
    expect(s.deviations.find((d) => d.kind === 'skipped' && d.activity === 'Send Invoice')).toMatchObject({ cases: 1, share: 0.5 });
    expect(s.deviations.find((d) => d.activity === 'Apply Cash')).toMatchObject({ kind: 'skipped', cases: 1, share: 0.5 });
  });

  it("gives one case's deviations with the events' times", async () => {
    const c = await caseConformance(store, { logId: 'o2c', perspective: 'order', caseId: 'sales_order:6', modelFile });
    expect(c).toMatchObject({ caseId: 'sales_order:6', fitness: 0.7, nDeviations: 3, expectedSteps: 6, nEvents: 4, open: true, violations: [] });
    expect(c?.deviations.map((d) => [d.kind, d.activity, d.seq, d.ts, d.costSeconds])).toEqual([
      ['skipped', 'Confirm Pick', null, null, null],
      ['skipped', 'Pack', null, null, null],
      ['out-of-order', 'Post Goods Issue', 3, '2025-03-26T08:00:00Z', 0],
    ]);
    expect(await caseConformance(store, { logId: 'o2c', perspective: 'order', caseId: 'sales_order:99', modelFile })).toBeNull();
  });

  it('recomputes on read when the model file gets a new version', async () => {
    const saved = saveReferenceModel({ ...loadReferenceModel(modelFile), openCaseDays: 0 }, modelFile, new Date('2026-02-01T00:00:00Z'));
    expect(saved.version).toBe(loadReferenceModel().version + 1);
    expect(saved.savedAt).toBe('2026-02-01T00:00:00.000Z');
    const s = await conformanceSummary(store, { logId: 'o2c', modelFile });
    expect(s.model?.version).toBe(saved.version);
    expect(s.openCases).toBe(0);
    // All finished now: C's unreleased credit block is a violation of the response rule.
    expect(s.rules.find((r) => r.ruleId === 'credit-block-resolved')).toMatchObject({ violations: 1, cases: 1 });
    const c = await caseConformance(store, { logId: 'o2c', caseId: 'sales_order:3', modelFile });
    expect(c?.violations).toEqual([{
      ruleId: 'credit-block-resolved', kind: 'response', description: expect.stringContaining('eventually released'),
      seq: 2, activity: 'Set Credit Block', ts: '2025-03-28T10:00:01Z', relatedSeq: null, relatedActivity: null, relatedTs: null, costSeconds: 0,
    }]);
  });

  it('a case-centric log without a reference model is checked against its most frequent variant', async () => {
    const { CanonicalLog } = await import('../testing/canonical-log');
    const log = new CanonicalLog('claims', 'xes', 'claims-run', 1000);
    const ev = (c: string, i: number, activity: string, h: number) =>
      log.event({ id: `${c}-${i}`, activity, ts: `2025-01-0${1 + Math.floor(h / 24)} ${String(h % 24).padStart(2, '0')}:00:00`, objects: [`case:${c}`] });
    for (const c of ['c1', 'c2', 'c3']) log.object(`case:${c}`);
    ev('c1', 1, 'register', 0); ev('c1', 2, 'check', 1); ev('c1', 3, 'decide', 2);
    ev('c2', 1, 'register', 0); ev('c2', 2, 'check', 1); ev('c2', 3, 'decide', 2);
    ev('c3', 1, 'register', 0); ev('c3', 2, 'decide', 1); ev('c3', 3, 'decide', 2);
    await log.write(store);
    const s = await conformanceSummary(store, { logId: 'claims', modelFile });
    expect(s.perspective).toBe('case');
    expect(s.model).toEqual({ id: 'variant:claims', version: 1, name: 'Most frequent variant of claims' });
    // c3: check skipped, decide repeated (1 h): 1 − 2/(3 + 3); c1, c2 fit.
    expect(s.meanFitness).toBeCloseTo((1 + 1 + 2 / 3) / 3, 12);
    expect(s.deviations.map((d) => [d.kind, d.activity, d.cases, d.totalCostSeconds])).toEqual([
      ['repeated', 'decide', 1, 3600],
      ['skipped', 'check', 1, null],
    ]);
  });
});

describe('an invalid model file', () => {
  it('does not stop the case-view refresh (results cleared, error returned); readers report it', async () => {
    const bad = join(dir, 'bad-model.json');
    writeFileSync(bad, JSON.stringify({ ...loadReferenceModel(), steps: [{ activity: 'Create Sales Order', mandatory: 'yes', repeatable: false }] }));
    const r = await store.transaction((tx) => refreshConformance(tx, 'o2c', 'order', { modelFile: bad, strict: false }));
    expect(r.error).toMatch(/bad-model\.json: invalid reference model:\n {2}steps\[0\] \(Create Sales Order\)\.mandatory: /);
    const [n] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM case_fitness WHERE log_id = 'o2c'`);
    expect(n.n).toBe(0);
    await expect(conformanceSummary(store, { logId: 'o2c', modelFile: bad })).rejects.toThrow(/bad-model\.json: invalid reference model/);
    await expect(store.transaction((tx) => refreshConformance(tx, 'o2c', 'order', { modelFile: bad }))).rejects.toThrow(/mandatory/);
    expect((await conformanceSummary(store, { logId: 'o2c', modelFile })).cases).toBe(6);
  });
});

describe('the model file', () => {
  it('the shipped file is valid and names only activities of docs/model.md', () => {
    const m = loadReferenceModel(defaultModelPath());
    const doc = readFileSync(join(process.cwd(), 'docs', 'model.md'), 'utf8');
    for (const s of m.steps) expect(doc, s.activity).toContain(s.activity);
  });

  it('names the file, the step and the field of every error', () => {
    const good = loadReferenceModel();
    const bad = structuredClone(good) as unknown as { steps: Record<string, unknown>[]; rules: Record<string, unknown>[] };
    bad.steps[2].after = 'Release Credit Blok';
    delete bad.steps[5].repeatable;
    bad.steps[7].before = 'Create Sales Order';
    bad.rules[1].kind = 'eventually';
    expect(() => parseReferenceModel(bad, 'edited.json')).toThrow(ReferenceModelError);
    try {
      parseReferenceModel(bad, 'edited.json');
    } catch (err) {
      const e = err as ReferenceModelError;
      expect(e.message).toMatch(/^edited\.json: invalid reference model/);
      expect(e.problems).toEqual([
        expect.stringMatching(/^steps\[5\] \(Request Price Approval\)\.repeatable: /),
        expect.stringMatching(/^rules\[1\] \(credit-block-released-before-delivery\)\.kind: /),
      ]);
    }
    delete bad.steps[5].repeatable;
    (bad.steps[5] as { repeatable?: boolean }).repeatable = true;
    bad.rules[1].kind = 'released-before';
    expect(() => parseReferenceModel(bad, 'edited.json')).toThrow(
      /steps\[2\] \(Release Credit Block\)\.after: "Release Credit Blok" is not a step of the model[\s\S]*steps\[7\] \(Reject Price Exception\)\.before: "Create Sales Order" must be listed after "Reject Price Exception"/,
    );
  });

  it('refuses to save an edit of a stale version and reports an unreadable file', () => {
    const file = join(dir, 'stale.json');
    writeFileSync(file, JSON.stringify(loadReferenceModel()));
    const v = loadReferenceModel(file).version;
    saveReferenceModel(loadReferenceModel(file), file);
    expect(() => saveReferenceModel({ ...loadReferenceModel(), version: v }, file)).toThrow(/started from version 1 but the file is at version 2/);
    writeFileSync(file, '{ not json');
    expect(() => loadReferenceModel(file)).toThrow(/stale\.json: invalid reference model:\n {2}not JSON/);
  });
});
