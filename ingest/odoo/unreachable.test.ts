// A database that cannot be reached fails the run at once with the address (password hidden),
// records the failed run and changes nothing else.
import { describe, expect, it } from 'vitest';
import { Store } from '../../sql';
import { IngestError } from '../types';
import { ingestOdoo } from './index';

describe('an unreachable Odoo database', () => {
  it('fails fast with a clear error, a failed run row and no password anywhere', async () => {
    const store = await Store.open(':memory:');
    try {
      const err = await ingestOdoo(store, 'postgresql://odoo:s3cret-pw@127.0.0.1:1/odoo').then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(IngestError);
      expect((err as Error).message).toMatch(/ECONNREFUSED 127\.0\.0\.1:1/);
      expect((err as Error).message).not.toContain('s3cret-pw');
      const runs = await store.sql<{ status: string; error: string; source_path: string }>('SELECT status, error, source_path FROM ingest_runs');
      expect(runs).toHaveLength(1);
      expect(runs[0].status).toBe('failed');
      expect(JSON.stringify(runs)).not.toContain('s3cret-pw');
      const [events] = await store.sql<{ n: number }>('SELECT count(*)::INTEGER AS n FROM events');
      expect(events.n).toBe(0);
    } finally {
      store.close();
    }
  });
});
