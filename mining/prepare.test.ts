// After an ingest, refreshAndPrepare leaves the exception queues' table filled, so the first
// dashboard read finds it current and does not recompute it.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { simulatedStore, type SimulatedStore } from './testing/simulated-store';
import { refreshAndPrepare } from './prepare';
import { exceptionsSummary } from './exceptions';

let sim: SimulatedStore;
beforeAll(async () => {
  sim = await simulatedStore({ orders: 300, seed: 9 }, 'tl-prepare-');
});
afterAll(() => sim?.close());

describe('refreshAndPrepare', () => {
  it('fills the exception rows with the refresh, and the first read uses them as they are', async () => {
    const { store } = sim;
    await store.sql("DELETE FROM exception_rows WHERE log_id = 'o2c'");
    await store.sql("DELETE FROM exception_state WHERE log_id = 'o2c'");
    const r = await refreshAndPrepare(store, 'o2c');
    expect(r.steps['exception rows']).toBeGreaterThan(0);
    const [before] = await store.sql<{ rows: number; at: string }>(
      "SELECT rows::INTEGER AS rows, strftime(computed_at, '%Y-%m-%dT%H:%M:%S.%f') AS at FROM exception_state WHERE log_id = 'o2c'",
    );
    const [stored] = await store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM exception_rows WHERE log_id = 'o2c'");
    expect(before.rows).toBe(stored.n);
    expect(stored.n).toBeGreaterThan(0);
    const summary = await exceptionsSummary(store, { logId: 'o2c' });
    expect(summary.queues.reduce((s, q) => s + q.count, 0)).toBeGreaterThan(0);
    const [after] = await store.sql<{ at: string }>("SELECT strftime(computed_at, '%Y-%m-%dT%H:%M:%S.%f') AS at FROM exception_state WHERE log_id = 'o2c'");
    expect(after.at).toBe(before.at);
  });
});
