// The audit trail on a real (in-memory) DuckDB store: appends chain by hash, inside a caller's
// transaction they commit or roll back with it, and changing, deleting or reordering an entry is
// found by verify() at the first broken seq.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../sql';
import * as audit from '.';

let store: Store;
beforeEach(async () => {
  store = await Store.open(':memory:');
  for (let i = 1; i <= 5; i++) {
    await audit.append(store, { actor: `user-${i}`, action: 'test.thing', target: `t-${i}`, detail: { n: i, nested: { b: 2, a: 1 } }, at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
  }
});
afterEach(() => store.close());

const broken = async () => {
  const r = await audit.verify(store);
  return r.ok ? null : r.brokenSeq;
};

describe('the audit trail', () => {
  it('numbers entries 1…n, chains each to the previous hash and verifies', async () => {
    const rows = await store.sql<{ seq: number; prev_hash: string; hash: string; detail: string }>('SELECT seq::INTEGER AS seq, prev_hash, hash, detail FROM audit_log ORDER BY seq');
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0].prev_hash).toBe(audit.GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(rows[0].detail).toBe('{"n":1,"nested":{"a":1,"b":2}}'); // canonical: keys sorted
    expect(await audit.verify(store)).toEqual({ ok: true, entries: 5 });
  });

  it('detects a changed field, even with the hash left as it was', async () => {
    await store.sql("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3");
    expect(await broken()).toBe(3);
  });

  it('detects a changed entry whose own hash was recomputed (the next entry no longer follows)', async () => {
    const [row] = await store.sql<{ at: string; target: string; detail: string; prev_hash: string }>('SELECT recorded_at AS "at", target, detail, prev_hash FROM audit_log WHERE seq = 2');
    const forged = audit.entryHash({ seq: 2, at: row.at, actor: 'forger', action: 'test.thing', target: row.target, detail: row.detail }, row.prev_hash);
    await store.sql("UPDATE audit_log SET actor = 'forger', hash = $h WHERE seq = 2", { h: forged });
    expect(await broken()).toBe(3);
  });

  it('detects a deleted entry', async () => {
    await store.sql('DELETE FROM audit_log WHERE seq = 2');
    expect(await broken()).toBe(3);
  });

  it('detects reordered entries', async () => {
    await store.sql('UPDATE audit_log SET seq = 100 WHERE seq = 2');
    await store.sql('UPDATE audit_log SET seq = 2 WHERE seq = 4');
    await store.sql('UPDATE audit_log SET seq = 4 WHERE seq = 100');
    expect(await broken()).toBe(2);
  });

  it("appends inside a caller's transaction: rolled back with it, committed with it", async () => {
    await expect(
      store.transaction(async (tx) => {
        await audit.append(tx, { actor: 'x', action: 'test.rolled_back' });
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect((await audit.list(store, { action: 'test.rolled_back' })).total).toBe(0);
    const e = await store.transaction((tx) => audit.append(tx, { actor: 'x', action: 'test.committed' }));
    expect(e.seq).toBe(6);
    expect(await audit.verify(store)).toEqual({ ok: true, entries: 6 });
  });

  it('appends a batch in order as one chain, equal to appending one by one, and rolls it back whole', async () => {
    const batch = Array.from({ length: 50 }, (_, i) => ({ actor: 'bulk', action: 'test.batch', target: `b-${i}`, detail: { i }, at: new Date(Date.UTC(2026, 0, 2, 0, 0, i)) }));
    const written = await store.transaction((tx) => audit.appendMany(tx, batch));
    expect(written.map((e) => e.seq)).toEqual(batch.map((_, i) => 6 + i));
    expect(await audit.verify(store)).toEqual({ ok: true, entries: 55 });
    const one = await Store.open(':memory:');
    try {
      for (let i = 1; i <= 5; i++) await audit.append(one, { actor: `user-${i}`, action: 'test.thing', target: `t-${i}`, detail: { n: i, nested: { b: 2, a: 1 } }, at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
      for (const b of batch) await audit.append(one, b);
      const hashes = (s: Store) => s.sql<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq').then((r) => r.map((x) => x.hash));
      expect(await hashes(store)).toEqual(await hashes(one));
    } finally {
      await one.close();
    }
    await expect(
      store.transaction(async (tx) => {
        await audit.appendMany(tx, batch);
        throw new Error('the request failed');
      }),
    ).rejects.toThrow('the request failed');
    expect(await audit.verify(store)).toEqual({ ok: true, entries: 55 });
    expect(await store.transaction((tx) => audit.appendMany(tx, []))).toEqual([]);
  });

  it('lists newest first with filters, and exports CSV oldest first', async () => {
    const page = await audit.list(store, { actor: 'user-2' });
    expect(page).toMatchObject({ total: 1, entries: [{ seq: 2, actor: 'user-2', target: 't-2', at: '2026-01-01T00:00:02.000Z', detail: { n: 2 } }] });
    const all = await audit.list(store, { from: '2026-01-01T00:00:03', limit: 2 });
    expect(all.total).toBe(3);
    expect(all.entries.map((e) => e.seq)).toEqual([5, 4]);
    const csv = audit.auditCsv([...(await audit.list(store)).entries].reverse()).trim().split('\n');
    expect(csv[0]).toBe('seq,at,actor,action,target,detail,hash');
    expect(csv[1]).toMatch(/^1,2026-01-01T00:00:01.000Z,user-1,test.thing,t-1,"{""n"":1,""nested"":{""a"":1,""b"":2}}",[0-9a-f]{64}$/);
  });
});
