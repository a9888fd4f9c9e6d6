// The freshness rule of the Ingest page: a failed last run, or a newest event far behind the others.
import { describe, expect, it } from 'vitest';
import { sourceFreshness, STALE_LAG_HOURS } from './runs';

const ev = (source: string, newest: string, log = 'o2c') => ({ log_id: log, source, newest_event: newest, events: 10 });
const run = (source: string, status = 'succeeded', error: string | null = null) => ({
  source,
  runs: 1,
  last_run_id: `${source}-1`,
  last_status: status,
  last_error: error,
  last_started_at: '2026-01-02T00:00:00Z',
  last_success_run_id: status === 'succeeded' ? `${source}-1` : null,
  last_success_at: status === 'succeeded' ? '2026-01-02T00:01:00Z' : null,
});

describe('sourceFreshness', () => {
  it('gives the six sources in order, and any other source after them', () => {
    const out = sourceFreshness([ev('sap', '2026-01-01T00:00:00Z'), ev('zz', '2026-01-01T00:00:00Z')], [run('sap')]);
    expect(out.map((s) => s.source)).toEqual(['sap', 'wms-legacy', 'wms-events', 'billing', 'odoo', 'imports', 'zz']);
    expect(out[0]).toMatchObject({ label: 'SAP', state: 'ok', lagHours: 0, lastSuccessAt: '2026-01-02T00:01:00Z' });
    expect(out[4]).toMatchObject({ state: 'never', newestEvent: null, runs: 0, lastRun: null });
  });

  it('calls a source stale when its newest event is far behind the freshest one', () => {
    const behind = new Date(Date.parse('2026-01-10T00:00:00Z') - (STALE_LAG_HOURS + 1) * 3_600_000).toISOString();
    const out = sourceFreshness([ev('sap', '2026-01-10T00:00:00Z'), ev('billing', behind), ev('wms-events', '2026-01-08T00:00:00Z')], [run('sap'), run('billing'), run('wms-events')]);
    const by = Object.fromEntries(out.map((s) => [s.source, s]));
    expect(by.billing.state).toBe('stale');
    expect(by['wms-events'].state).toBe('ok');
    expect(by.billing.lagHours).toBeCloseTo(STALE_LAG_HOURS + 1);
  });

  it('calls a source failed when its last run failed, with the error', () => {
    const out = sourceFreshness([ev('sap', '2026-01-10T00:00:00Z')], [run('sap', 'failed', 'file missing')]);
    expect(out[0]).toMatchObject({ state: 'failed', reason: 'Last run failed: file missing', lastSuccessAt: null });
  });

  it('takes the newest event over the logs a source feeds', () => {
    const out = sourceFreshness([ev('imports', '2025-01-01T00:00:00Z', 'a'), ev('imports', '2025-03-01T00:00:00Z', 'b')], []);
    const imports = out.find((s) => s.source === 'imports')!;
    expect(imports).toMatchObject({ newestEvent: '2025-03-01T00:00:00Z', events: 20 });
    expect(imports.logs).toHaveLength(2);
  });
});
