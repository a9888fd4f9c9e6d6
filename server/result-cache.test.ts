// The answer cache of the heavy read procedures: computed once per data version, recomputed after
// a refresh or an ingest, kept across writes that do not touch the data (a notebook save), and the
// router's cached answers equal the mining code's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatedStore, type SimulatedStore } from '../mining/testing/simulated-store';
import { refreshCaseViews } from '../mining/refresh';
import { dsoImpact } from '../mining/dso-impact';
import { cachedAnswer } from './result-cache';
import { createCaller } from './caller';
import { contextFor } from './context';

let sim: SimulatedStore;
beforeAll(async () => {
  sim = await simulatedStore({ orders: 200, seed: 4 }, 'tl-cache-');
}, 120_000);
afterAll(() => sim?.close());

function counter() {
  let n = 0;
  return { compute: async () => ({ n: ++n }), calls: () => n };
}

describe('cachedAnswer', () => {
  it('computes once per input and data version', async () => {
    const c = counter();
    const a = await cachedAnswer(sim.store, 'o2c', 't.one', { x: 1 }, c.compute);
    const b = await cachedAnswer(sim.store, 'o2c', 't.one', { x: 1 }, c.compute);
    expect(b).toEqual(a);
    expect(c.calls()).toBe(1);
    await cachedAnswer(sim.store, 'o2c', 't.one', { x: 2 }, c.compute);
    await cachedAnswer(sim.store, 'o2c', 't.two', { x: 1 }, c.compute);
    expect(c.calls()).toBe(3);
  });

  it('recomputes after a refresh, not after a write that leaves the data as it was', async () => {
    const c = counter();
    await cachedAnswer(sim.store, 'o2c', 't.refresh', {}, c.compute);
    await sim.store.sql("CREATE TABLE IF NOT EXISTS cache_probe (x INTEGER); INSERT INTO cache_probe VALUES (1)");
    await cachedAnswer(sim.store, 'o2c', 't.refresh', {}, c.compute);
    expect(c.calls()).toBe(1);
    await refreshCaseViews(sim.store, 'o2c');
    const after = await cachedAnswer(sim.store, 'o2c', 't.refresh', {}, c.compute);
    expect(after).toEqual({ n: 2 });
  });

  it('keeps nothing of a failed computation', async () => {
    let n = 0;
    const failing = async () => {
      n++;
      throw new Error('boom');
    };
    await expect(cachedAnswer(sim.store, 'o2c', 't.fail', {}, failing)).rejects.toThrow('boom');
    await expect(cachedAnswer(sim.store, 'o2c', 't.fail', {}, failing)).rejects.toThrow('boom');
    expect(n).toBe(2);
  });

  it('is off with THROUGHLINE_RESULT_CACHE=0', async () => {
    const c = counter();
    process.env.THROUGHLINE_RESULT_CACHE = '0';
    try {
      await cachedAnswer(sim.store, 'o2c', 't.off', {}, c.compute);
      await cachedAnswer(sim.store, 'o2c', 't.off', {}, c.compute);
    } finally {
      delete process.env.THROUGHLINE_RESULT_CACHE;
    }
    expect(c.calls()).toBe(2);
  });

  it('answers finance.dsoImpact through the router as the mining code does, twice', async () => {
    const [{ m }] = await sim.store.sql<{ m: string }>("SELECT strftime(date_trunc('month', max(created_ts)) - INTERVAL 1 MONTH, '%Y-%m-%d') AS m FROM invoice_facts WHERE log_id = 'o2c'");
    const to = new Date(Date.parse(`${m}T00:00:00Z`));
    to.setUTCMonth(to.getUTCMonth() + 1);
    const period = { from: m, to: to.toISOString().slice(0, 10) };
    const caller = createCaller(contextFor(sim.store, { id: 'ana', roles: ['analyst'] }));
    const first = await caller.finance.dsoImpact({ logId: 'o2c', period });
    const second = await caller.finance.dsoImpact({ logId: 'o2c', period });
    const direct = await dsoImpact(sim.store, { logId: 'o2c', period, top: 5 });
    expect(second).toBe(first); // the same answer object: no second computation
    // A fresh computation may differ in the last bits (DuckDB adds in parallel, in any order).
    const rounded = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'number' ? Number(x.toPrecision(10)) : x)));
    expect(rounded(first)).toEqual(rounded(direct));
    expect(first.stages.length).toBeGreaterThan(0);
  });
});
