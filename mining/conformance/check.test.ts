// Golden cases for the pure conformance core against the shipped O2C reference model
// (policies/reference-model.json). Every expected number is worked out in the comments.
import { describe, expect, it } from 'vitest';
import { checkCase, type CaseCheck } from './check';
import { loadReferenceModel, modelFromVariant } from './model';

const model = loadReferenceModel();
const H = 3600;
/** Events at whole hours after 2025-03-03 00:00 UTC: [activity, hour]. */
const trace = (...evs: [string, number][]) => evs.map(([activity, h]) => ({ activity, ts: Date.UTC(2025, 2, 3) / 1000 + h * H }));
const kinds = (c: CaseCheck) => c.deviations.map((d) => `${d.kind} ${d.activity}${d.related ? ` ${d.position} ${d.related}` : ''} ×${d.count} ${d.costSeconds} @${d.seq}`);
const rules = (c: CaseCheck) => c.violations.map((v) => `${v.ruleId} @${v.seq} ${v.activity} ← ${v.relatedSeq ?? '-'} ${v.relatedActivity ?? '-'} ${v.costSeconds}`);

const HAPPY: [string, number][] = [
  ['Create Sales Order', 0], ['Create Delivery', 1], ['Confirm Pick', 2], ['Pack', 3], ['Confirm Shipment', 4],
  ['Post Goods Issue', 5], ['Create Invoice', 6], ['Send Invoice', 7], ['Deliver', 30], ['Receive Payment', 100], ['Apply Cash', 101],
];

describe('checkCase (pure core) on the O2C reference model', () => {
  it('the model has the 10 mandatory steps of the happy path', () => {
    expect(model.steps.filter((s) => s.mandatory).map((s) => s.activity)).toEqual([
      'Create Sales Order', 'Create Delivery', 'Confirm Pick', 'Pack', 'Confirm Shipment', 'Post Goods Issue',
      'Create Invoice', 'Send Invoice', 'Deliver', 'Apply Cash',
    ]);
  });

  it('happy path: fitness 1, nothing to report', () => {
    const c = checkCase(model, trace(...HAPPY));
    expect(c).toMatchObject({ fitness: 1, nDeviations: 0, expectedSteps: 10, nEvents: 11, deviations: [], violations: [] });
  });

  it('partial deliveries and payments repeat the fulfilment cycle without deviation', () => {
    // Two deliveries, each picked, packed, shipped, issued, invoiced and sent; two payments.
    const c = checkCase(model, trace(
      ['Create Sales Order', 0], ['Create Delivery', 1], ['Confirm Pick', 2], ['Confirm Pick', 2.5], ['Pack', 3], ['Confirm Shipment', 4],
      ['Post Goods Issue', 5], ['Create Invoice', 6], ['Send Invoice', 7], ['Create Delivery', 8], ['Confirm Pick', 9], ['Pack', 10],
      ['Confirm Shipment', 11], ['Post Goods Issue', 12], ['Deliver', 13], ['Create Invoice', 14], ['Send Invoice', 15], ['Deliver', 40],
      ['Apply Cash', 100], ['Apply Cash', 200],
    ));
    expect(c.deviations).toEqual([]);
    expect(c.violations).toEqual([]);
    expect(c.fitness).toBe(1);
  });

  it('repeated change, invoice before goods issue, an unexpected activity', () => {
    // seq: 1 CSO 0h, 2 Change Price 1h, 3 Change Price 5h, 4 Create Delivery 6h, 5 Pick 7h, 6 Pack 8h,
    //      7 Create Invoice 9h, 8 Confirm Shipment 10h, 9 PGI 11h, 10 Send Invoice 12h, 11 Deliver 30h,
    //      12 Apply Cash 200h, 13 Foo Bar 201h.
    // repeated Change Price: 1 extra, first→last 4 h = 14,400 s, first repeat at seq 3.
    // out-of-order Create Invoice: first at seq 7, before its `after` step PGI (seq 9): 11h − 9h = 7,200 s.
    // unexpected Foo Bar: once, 1 h after the event before it.
    // units 3; expected mandatory steps 10; events 13 → fitness 1 − 3/23.
    const c = checkCase(model, trace(
      ['Create Sales Order', 0], ['Change Price', 1], ['Change Price', 5], ['Create Delivery', 6], ['Confirm Pick', 7], ['Pack', 8],
      ['Create Invoice', 9], ['Confirm Shipment', 10], ['Post Goods Issue', 11], ['Send Invoice', 12], ['Deliver', 30],
      ['Apply Cash', 200], ['Foo Bar', 201],
    ));
    expect(kinds(c)).toEqual([
      'repeated Change Price ×1 14400 @3',
      'out-of-order Create Invoice early Post Goods Issue ×1 7200 @7',
      'unexpected Foo Bar ×1 3600 @13',
    ]);
    expect(c.nDeviations).toBe(3);
    expect(c.fitness).toBeCloseTo(1 - 3 / 23, 12);
    expect(rules(c)).toEqual(['no-invoice-before-goods-issue @7 Create Invoice ← 9 Post Goods Issue 7200']);
  });

  it('blocks lifted too late (an open case): out-of-order detours and rule violations with their events', () => {
    // seq: 1 CSO 0h, 2 Set Credit Block 1h, 3 Set Delivery Block 2h, 4 Create Delivery 3h, 5 Pick 4h,
    //      6 Pack 5h, 7 Confirm Shipment 6h, 8 Release Credit Block 7h, 9 PGI 8h, 10 Remove Delivery Block 9h.
    // Open: steps after PGI (invoice, send, deliver, cash) are pending, so 6 mandatory steps are expected.
    // out-of-order: Release Credit Block after Create Delivery (its `before`): 7h − 3h; Remove Delivery Block: 9h − 3h.
    // fitness 1 − 2/(6 + 10).
    // Rules: credit block set at 2, Create Delivery at 4 before the release at 8 (8's time − 4's: 4 h);
    // delivery block 3..10: Confirm Shipment at 7 (3 h before the removal) and PGI at 9 (1 h before).
    const c = checkCase(model, trace(
      ['Create Sales Order', 0], ['Set Credit Block', 1], ['Set Delivery Block', 2], ['Create Delivery', 3], ['Confirm Pick', 4],
      ['Pack', 5], ['Confirm Shipment', 6], ['Release Credit Block', 7], ['Post Goods Issue', 8], ['Remove Delivery Block', 9],
    ), true);
    expect(kinds(c)).toEqual([
      'out-of-order Release Credit Block late Create Delivery ×1 14400 @8',
      'out-of-order Remove Delivery Block late Create Delivery ×1 21600 @10',
    ]);
    expect(c.expectedSteps).toBe(6);
    expect(c.fitness).toBeCloseTo(1 - 2 / 16, 12);
    expect(rules(c)).toEqual([
      'credit-block-released-before-delivery @4 Create Delivery ← 2 Set Credit Block 14400',
      'no-shipment-while-delivery-block @7 Confirm Shipment ← 3 Set Delivery Block 10800',
      'no-shipment-while-delivery-block @9 Post Goods Issue ← 3 Set Delivery Block 3600',
    ]);
  });

  it('a block never lifted: violations without a cost', () => {
    // Delivery block set at 2 and never removed: the shipment and goods issue after it violate the
    // rule, and no removal exists to measure a cost from.
    const c = checkCase(model, trace(['Create Sales Order', 0], ['Set Delivery Block', 1], ['Create Delivery', 2], ['Confirm Pick', 3], ['Pack', 4], ['Confirm Shipment', 5], ['Post Goods Issue', 6]), true);
    expect(rules(c)).toEqual([
      'no-shipment-while-delivery-block @6 Confirm Shipment ← 2 Set Delivery Block null',
      'no-shipment-while-delivery-block @7 Post Goods Issue ← 2 Set Delivery Block null',
    ]);
  });

  it('a cancelled order is complete: no skipped steps after Cancel Order, the credit block is resolved', () => {
    const c = checkCase(model, trace(['Create Sales Order', 0], ['Set Credit Block', 1], ['Cancel Order', 50]));
    expect(c).toMatchObject({ fitness: 1, expectedSteps: 1, deviations: [], violations: [] });
  });

  it('a finished order stuck after a credit block: 9 skipped steps and an unresolved block', () => {
    // Closed: every mandatory step but the first is skipped (9); fitness 1 − 9/(10 + 2) = 0.25.
    // The response rule reports the block, cost = time from it to the case's last event (itself: 0).
    const c = checkCase(model, trace(['Create Sales Order', 0], ['Set Credit Block', 1]));
    expect(c.deviations.map((d) => `${d.kind} ${d.activity}`)).toEqual(
      ['Create Delivery', 'Confirm Pick', 'Pack', 'Confirm Shipment', 'Post Goods Issue', 'Create Invoice', 'Send Invoice', 'Deliver', 'Apply Cash'].map((a) => `skipped ${a}`),
    );
    expect(c.deviations.every((d) => d.costSeconds === null && d.seq === null)).toBe(true);
    expect(c.fitness).toBe(0.25);
    expect(rules(c)).toEqual(['credit-block-resolved @2 Set Credit Block ← - - 0']);
  });

  it('the same order while still open: nothing is due yet', () => {
    const c = checkCase(model, trace(['Create Sales Order', 0], ['Set Credit Block', 1]), true);
    expect(c).toMatchObject({ fitness: 1, expectedSteps: 1, deviations: [], violations: [] });
  });

  it('a skipped goods issue: later steps are compared with the step before it; invoice without any goods issue', () => {
    // No PGI: skipped (1 unit). Create Invoice's `after` (PGI) is absent, so it is compared with
    // PGI's own `after`, Confirm Shipment, which came first: no out-of-order. Fitness 1 − 1/(10 + 9).
    const c = checkCase(model, trace(
      ['Create Sales Order', 0], ['Create Delivery', 1], ['Confirm Pick', 2], ['Pack', 3], ['Confirm Shipment', 4],
      ['Create Invoice', 6], ['Send Invoice', 7], ['Deliver', 30], ['Apply Cash', 101],
    ));
    expect(kinds(c)).toEqual(['skipped Post Goods Issue ×1 null @null']);
    expect(c.fitness).toBeCloseTo(1 - 1 / 19, 12);
    expect(rules(c)).toEqual(['no-invoice-before-goods-issue @6 Create Invoice ← - - null']);
  });

  it('out-of-order inside the backbone is reported once, on the step that came too early', () => {
    // Pack (seq 3) before Confirm Pick (seq 4): Pack is early by 1 h; Confirm Pick itself is fine
    // (after Create Delivery), and Confirm Shipment follows Pack.
    const c = checkCase(model, trace(
      ['Create Sales Order', 0], ['Create Delivery', 1], ['Pack', 2], ['Confirm Pick', 3], ['Confirm Shipment', 4],
      ['Post Goods Issue', 5], ['Create Invoice', 6], ['Send Invoice', 7], ['Deliver', 30], ['Apply Cash', 101],
    ));
    expect(kinds(c)).toEqual(['out-of-order Pack early Confirm Pick ×1 3600 @3']);
  });

  it('nested windows report each forbidden event once', () => {
    // Two Set Delivery Block without a removal between them, one PGI inside both windows.
    const c = checkCase(model, trace(['Create Sales Order', 0], ['Set Delivery Block', 1], ['Set Delivery Block', 2], ['Create Delivery', 3], ['Confirm Pick', 4], ['Pack', 5], ['Post Goods Issue', 6], ['Remove Delivery Block', 8]), true);
    expect(rules(c)).toEqual(['no-shipment-while-delivery-block @7 Post Goods Issue ← 2 Set Delivery Block 7200']);
    expect(kinds(c)).toContain('repeated Set Delivery Block ×1 3600 @3');
  });
});

describe('modelFromVariant (fallback for logs without a reference model)', () => {
  it('takes the most frequent variant as a mandatory chain; repeated activities are repeatable', () => {
    const m = modelFromVariant(['register', 'check', 'check', 'decide'], 'case', 'claims');
    expect(m.steps).toEqual([
      { activity: 'register', mandatory: true, repeatable: false },
      { activity: 'check', mandatory: true, repeatable: true, after: 'register' },
      { activity: 'decide', mandatory: true, repeatable: false, after: 'check' },
    ]);
    const c = checkCase(m, trace(['register', 0], ['decide', 1], ['pay', 2]));
    // check skipped (1), pay unexpected (1): 1 − 2/(3 + 3).
    expect(kinds(c)).toEqual(['skipped check ×1 null @null', 'unexpected pay ×1 3600 @3']);
    expect(c.fitness).toBeCloseTo(2 / 3, 12);
  });
});
