// The whole loop through the source system, no shortcut: playbook runs call the test ERP over real
// HTTP (each run's first call fails, then 30 % of calls), the ERP applies them to its own SAP tables (the simulated company's
// extract), its next delta extract is loaded by the server's ingest.run like any SAP extract, and
// closing the loop finds each exception gone. Two effects: a released credit hold (a change
// document) and a created invoice for a shipped, unbilled delivery (an F2 billing document). The
// expected figures are read from the simulator's files, not from the ERP's code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockFrom, SourceRecords, API_USER } from '../fixtures/test-erp/records';
import { startTestErp, type TestErp } from '../fixtures/test-erp/server';
import { readCsv } from '../fixtures/sim/testing/read-files';
import { exceptionQueue, type ExceptionRow } from '../mining';
import { simulatedStore, type SimulatedStore } from '../mining/testing/simulated-store';
import type { User } from '../server/auth';
import { callerFor } from '../server/caller';
import { startWorkflowWorker, workflowEngine } from '.';
import { idempotencyKey } from './signing';
import { waitFor } from './testing';

const SECRET = 'erp-loop-secret';
const admin: User = { id: 'ada-admin', roles: ['admin'] };
const owner: User = { id: 'pat-owner', roles: ['process_owner'] };
const finance: User = { id: 'fin-lead', roles: ['finance_leader'] };

let sim: SimulatedStore;
let erp: TestErp;
let out: string;
let holds: ExceptionRow[];
let unbilled: ExceptionRow[];
let before: { holds: number; unbilled: number };
const runIds: string[] = [];

const key = (id: string) => id.slice(id.indexOf(':') + 1);
const pad10 = (s: string) => s.padStart(10, '0');
const queue = (q: 'creditHolds' | 'shippedNotInvoiced') => exceptionQueue(sim.store, { logId: 'o2c', queue: q, sort: 'case', limit: 1000 });

/** The simulator's SAP table as records (the independent reading). */
function table(name: string): Record<string, string>[] {
  const csv = readCsv(join(sim.dir, 'sap', `${name}.csv`));
  return csv.rows.map((r) => Object.fromEntries(csv.header.map((h, i) => [h, r[i] ?? ''])));
}

beforeAll(async () => {
  sim = await simulatedStore({ orders: 500, seed: 11 });
  out = mkdtempSync(join(tmpdir(), 'tl-erp-delta-'));
  // The ERP's clock runs on from the simulated extract's time, so its changes come after the log.
  const records = new SourceRecords(sim.dir, clockFrom(String(sim.truth.extractedAt)));
  erp = await startTestErp({ secret: SECRET, failRate: 0.3, seed: 3, records });
  const sys = { url: erp.url, keyId: 'throughline', secret: SECRET };
  startWorkflowWorker(sim.store, { connectors: { systems: { erp: sys, wms: sys, billing: sys } }, pollMs: 20, backoff: { baseMs: 10, maxMs: 50 } });
  const h = await queue('creditHolds');
  const u = await queue('shippedNotInvoiced');
  holds = h.rows;
  unbilled = u.rows.filter((r) => r.amount !== null).slice(0, 3);
  before = { holds: h.total, unbilled: u.total };
});

afterAll(async () => {
  sim.close();
  await erp.close();
  rmSync(out, { recursive: true, force: true });
});

describe('playbook → test ERP → delta extract → ingest → exception cleared', () => {
  it('the ERP holds what the extract says: each open hold is CMGST B, each unbilled delivery has goods issue and no invoice', () => {
    expect(holds.length).toBeGreaterThan(0);
    expect(unbilled.length).toBe(3);
    for (const r of holds) expect(erp.records!.order(key(r.caseId))?.CMGST).toBe('B');
    const billed = new Set(table('VBRP').map((r) => r.VGBEL));
    for (const r of unbilled) expect(billed.has(pad10(key(r.objectId!)))).toBe(false);
  });

  it('runs succeed once each against a failing ERP; a request it cannot honour is refused, not done', async () => {
    const caller = (u: User) => callerFor(sim.store, u).workflows;
    const pick = (rows: ExceptionRow[]) => rows.map((r) => ({ caseId: r.caseId, objectId: r.objectId }));
    erp.configure({ failRate: 1 }); // every run's first call fails for sure, then 30 % as usual
    const released = await caller(owner).request({ logId: 'o2c', queue: 'creditHolds', playbookId: 'release-credit-hold', rows: pick(holds) });
    const invoiced = await caller(owner).request({ logId: 'o2c', queue: 'shippedNotInvoiced', playbookId: 'create-missing-invoice', rows: pick(unbilled) });
    const runs = [...released.runs, ...invoiced.runs];
    runIds.push(...runs.map((r) => r.id));
    for (const r of runs.filter((x) => x.state === 'awaiting_approval')) await caller(finance).approve({ runId: r.id });
    const tried = async () => (await Promise.all(runIds.map((id) => workflowEngine(sim.store).attempts(id)))).every((a) => a.length > 0);
    await waitFor(tried, 10_000, 'a failed call per run');
    erp.configure({ failRate: 0.3 });
    await waitFor(async () => (await Promise.all(runIds.map((id) => workflowEngine(sim.store).get(id)))).every((r) => r.state === 'succeeded'), 30_000, 'the runs to succeed');
    for (const id of runIds) expect(erp.effects.get(idempotencyKey(id))).toBe(1);
    for (const id of runIds) expect((await workflowEngine(sim.store).attempts(id)).length).toBeGreaterThan(1); // retried, yet one effect
    expect(erp.records!.changes.map((c) => c.effect).sort()).toEqual([...holds.map(() => 'credit-hold-released'), ...unbilled.map(() => 'invoice-created')].sort());
    for (const r of holds) expect(erp.records!.order(key(r.caseId))?.CMGST).toBe('D');

    // Before the next ingest Throughline still lists the hold; asking again reaches an ERP that has
    // nothing left to release: refused (422, not retried), dead-lettered with the ERP's words, no effect.
    const again = (await caller(owner).request({ logId: 'o2c', queue: 'creditHolds', playbookId: 'release-credit-hold', rows: pick(holds.slice(0, 1)) })).runs[0];
    if (again.state === 'awaiting_approval') await caller(finance).approve({ runId: again.id });
    const dead = await waitFor(async () => {
      const r = await workflowEngine(sim.store).get(again.id);
      return r.state === 'dead_lettered' && r;
    }, 30_000, 'the repeated release to be refused');
    expect(dead.lastStatus).toBe(422);
    expect(erp.effects.has(idempotencyKey(again.id))).toBe(false);
    expect(erp.stats.refused).toBe(1);
    const attempts = await workflowEngine(sim.store).attempts(again.id);
    // Injected 500s are retried; the ERP's 422 is final.
    expect(attempts.map((a) => a.httpStatus)).toEqual([...attempts.slice(1).map(() => 500), 422]);
    expect(JSON.parse(attempts.at(-1)!.bodyExcerpt!)).toEqual({ error: `sales order ${key(holds[0].caseId)} has no credit hold (CMGST "D")` });
  });

  it('the next delta extract carries exactly the changed records, in the SAP extract format', () => {
    const lips = table('LIPS');
    const items = unbilled.reduce((n, r) => n + lips.filter((i) => i.VBELN === pad10(key(r.objectId!))).length, 0);
    const delta = erp.extract(out);
    expect(delta.rows).toEqual({ USR02: 1, VBAK: holds.length, CDHDR: holds.length, CDPOS: holds.length, VBRK: unbilled.length, VBRP: items, VBFA: items, BSID: unbilled.length });
    expect(erp.extract(join(out, 'empty')).rows).toEqual({}); // a delta: nothing new since
  });

  it("the server's ingest.run loads it incrementally; the loop finds every run fixed; lineage names the source records", async () => {
    const [result] = await callerFor(sim.store, admin).ingest.run({ kind: 'sap', path: join(out, 'sap') });
    expect(result).toMatchObject({ status: 'succeeded', rowsRejected: 0, eventsAdded: holds.length + unbilled.length });

    const h = await queue('creditHolds');
    const u = await queue('shippedNotInvoiced');
    expect(h.total).toBe(before.holds - holds.length);
    expect(u.total).toBe(before.unbilled - unbilled.length);
    expect(h.rows.filter((r) => holds.some((x) => x.caseId === r.caseId))).toEqual([]);
    expect(u.rows.filter((r) => unbilled.some((x) => x.objectId === r.objectId))).toEqual([]);
    // Independently: no order of ours has a Set Credit Block after its last release.
    const [still] = await sim.store.sql<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM (
         SELECT eo.object_id, max(e.seq) FILTER (WHERE e.activity = 'Set Credit Block') AS s, max(e.seq) FILTER (WHERE e.activity = 'Release Credit Block') AS r
         FROM events e JOIN event_object eo ON eo.log_id = e.log_id AND eo.event_id = e.event_id
         WHERE e.log_id = 'o2c' AND eo.object_id IN (SELECT unnest(string_split($ids, ','))) GROUP BY 1) WHERE s > coalesce(r, 0)`,
      { ids: holds.map((r) => r.caseId).join(',') },
    );
    expect(still.n).toBe(0);

    const shown = await Promise.all(runIds.map(async (id) => (await callerFor(sim.store, owner).workflows.run({ runId: id })).run));
    expect(shown.map((r) => r.outcome)).toEqual(runIds.map(() => 'fixed'));

    // Lineage: the case shows the release with its change document, by the ERP's API user (a system).
    const change = erp.records!.changes.find((c) => c.effect === 'credit-hold-released')!;
    const detail = await callerFor(sim.store, owner).cases.detail({ logId: 'o2c', caseId: `sales_order:${change.order}` });
    const ev = detail.events.find((e) => e.activity === 'Release Credit Block' && e.runId === result.runId)!;
    expect(ev).toMatchObject({ sourceSystem: 'sap', sourceKey: `sap:CDPOS:${change.order}:${change.document}:100${pad10(change.order)}:CMGST`, user: API_USER });
    expect(Date.parse(ev.ts)).toBeGreaterThan(Date.parse(String(sim.truth.extractedAt)) - 1);
  });

  it('the invoice it created bills the delivered quantities at the order prices, with the customer’s tax', async () => {
    const lips = table('LIPS');
    const vbap = table('VBAP');
    const vbak = table('VBAK');
    const vbrk = table('VBRK');
    for (const c of erp.records!.changes.filter((x) => x.effect === 'invoice-created')) {
      const items = lips.filter((i) => i.VBELN === pad10(c.delivery!));
      const net = items.reduce((s, i) => s + Number(i.LFIMG) * Math.round(Number(vbap.find((l) => l.VBELN === i.VGBEL && l.POSNR === i.VGPOS)!.NETPR) * 100), 0);
      const kunnr = vbak.find((o) => o.VBELN === pad10(c.order))!.KUNNR;
      const last = vbrk.filter((b) => b.KUNAG === kunnr && b.FKART === 'F2' && Number(b.NETWR) > 0).at(-1);
      const rate = last ? Math.round((Number(last.MWSBK) / Number(last.NETWR)) * 10000) / 10000 : 0;
      const gross = (Math.round(net) + Math.round(Math.round(net) * rate)) / 100;
      const [f] = await sim.store.sql<{ gross_amount: number; order_id: string }>(
        `SELECT gross_amount, order_id FROM invoice_facts WHERE log_id = 'o2c' AND invoice_id = $id`,
        { id: `invoice:${c.document}` },
      );
      expect(f).toEqual({ gross_amount: gross, order_id: `sales_order:${c.order}` });
      const detail = await callerFor(sim.store, owner).cases.detail({ logId: 'o2c', caseId: `sales_order:${c.order}` });
      expect(detail.events.filter((e) => e.activity === 'Create Invoice' && e.sourceKey === `sap:VBRK:${c.document}`)).toHaveLength(1);
    }
  });

  it('the same extract loaded again changes nothing, and the runs stay fixed', async () => {
    const [again] = await callerFor(sim.store, admin).ingest.run({ kind: 'sap', path: join(out, 'sap') });
    expect(again).toMatchObject({ status: 'succeeded', eventsAdded: 0, rowsRejected: 0 });
    const runs = await Promise.all(runIds.map((id) => workflowEngine(sim.store).get(id)));
    expect(runs.map((r) => r.outcome)).toEqual(runIds.map(() => 'fixed'));
    const s = await callerFor(sim.store, finance).workflows.savings({ logId: 'o2c' });
    expect(s.casesFixed).toBe(new Set([...holds, ...unbilled].map((r) => r.caseId)).size);
    expect(s.runsFixed).toBe(runIds.length);
  });
});
