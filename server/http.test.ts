// The HTTP endpoint runs each request's reads under the request's signal: a request the browser
// has abandoned does no work on the store (sql/cancel.ts has the interrupt of a running read).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'tl-http-'));
process.env.THROUGHLINE_STORE = join(dir, 'store.duckdb');

describe('handleTrpcRequest', () => {
  let handle: (req: Request) => Promise<Response>;
  beforeAll(async () => {
    ({ handleTrpcRequest: handle } = await import('./http'));
  });
  afterAll(async () => {
    const { getStore } = await import('./store');
    (await getStore()).close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a read', async () => {
    const res = await handle(new Request('http://127.0.0.1/api/trpc/logs.list'));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: { data: unknown[] } }).result.data).toEqual([]);
  });

  it('does not run the reads of an abandoned request', async () => {
    const ac = new AbortController();
    ac.abort();
    // dataRange reads the store on every call (logs.list is remembered between calls).
    const input = encodeURIComponent(JSON.stringify({ logId: 'o2c' }));
    const res = await handle(new Request(`http://127.0.0.1/api/trpc/logs.dataRange?input=${input}`, { signal: ac.signal }));
    expect(res.status).toBe(499);
    const body = (await res.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('CLIENT_CLOSED_REQUEST');
    // The next request is served as usual.
    expect((await handle(new Request('http://127.0.0.1/api/trpc/logs.list'))).status).toBe(200);
  });
});
