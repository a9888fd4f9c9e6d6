// A read started inside `cancellable` stops when its signal aborts; other reads carry on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancellable, isCancelled, QueryCancelledError, Store } from './index';

// Long enough that only an interrupt ends it within the test's time (minutes uninterrupted).
const SLOW = 'SELECT count(*) AS n FROM range(5000000000) a WHERE a.range % 7 = 3';

describe('cancellable reads', () => {
  let store: Store;
  beforeAll(async () => {
    store = await Store.open(':memory:');
  });
  afterAll(() => store?.close());

  it('interrupts a running query when the signal aborts, and leaves other reads alone', async () => {
    const ac = new AbortController();
    const started = Date.now();
    const slow = cancellable(ac.signal, () => store.sql(SLOW));
    const other = store.sql('SELECT 42 AS x');
    setTimeout(() => ac.abort(), 200);
    const err = await slow.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isCancelled(err)).toBe(true);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await other).toEqual([{ x: 42 }]);
    expect(await store.sql('SELECT 1 AS y')).toEqual([{ y: 1 }]); // the store still answers
  });

  it('refuses to start a read whose request is already gone', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(cancellable(ac.signal, () => store.sql('SELECT 1'))).rejects.toBeInstanceOf(QueryCancelledError);
  });

  it('interrupts a session too', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const err = await cancellable(ac.signal, () => store.session((s) => s.sql(SLOW))).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isCancelled(err)).toBe(true);
  });
});
