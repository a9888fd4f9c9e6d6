// The case table and the case page against a simulated store: totals and order equal independent
// SQL over the same tables, filters apply, pages are stable, the CSV holds exactly the selection,
// and the case page's events, objects and SLA clocks are the store's rows for that case.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importXes } from '../../ingest/xes';
import { MiningInputError, MiningNotFoundError } from '../errors';
import { simulatedStore, type SimulatedStore } from '../testing/simulated-store';
import type { Filter } from '../filter/types';
import { caseColumns, caseCsv, caseDetail, caseList, csvField } from './index';
import { parseCsv } from '../testing/parse-csv';
import { fillSlots } from '../../sql/template';
import { frag, loadQuery } from '../../sql';

let sim: SimulatedStore;
const KA: Filter[] = [{ kind: 'attribute', attribute: 'segment', values: ['KA'] }];

beforeAll(async () => {
  sim = await simulatedStore({ orders: 300, seed: 11 }, 'tl-cases-');
}, 240_000);
afterAll(() => sim?.close());

const ids = (rows: { case_id: string }[]) => rows.map((r) => r.case_id);

async function readCsv(opts: Parameters<typeof caseCsv>[1]): Promise<string> {
  const out = await caseCsv(sim.store, opts);
  let text = '';
  for await (const c of out.chunks) text += c;
  return text;
}


describe('caseList', () => {
  it('counts every case and sorts by start, newest first, by default', async () => {
    const page = await caseList(sim.store, { logId: 'o2c', limit: 25 });
    const [{ n }] = await sim.store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order'");
    expect(page.total).toBe(n);
    expect(n).toBe(300);
    const expected = await sim.store.sql<{ case_id: string }>(
      "SELECT case_id FROM cases WHERE log_id = 'o2c' AND perspective = 'order' ORDER BY start_ts DESC, case_no LIMIT 25",
    );
    expect(page.rows.map((r) => r.case_id)).toEqual(ids(expected));
    expect(page.columns[0].id).toBe('case_id');
    expect(page.columns.map((c) => c.id)).toEqual(expect.arrayContaining(['customer_name', 'segment', 'net_value', 'created_ts', 'duration', 'variant_no']));
  });

  it('applies filters and sorts by a chosen column with a stable tie-break', async () => {
    const page = await caseList(sim.store, { logId: 'o2c', filters: KA, sort: { column: 'net_value', dir: 'desc' }, offset: 10, limit: 40 });
    const [{ n }] = await sim.store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND segment = 'KA'");
    expect(page.total).toBe(n);
    expect(n).toBeGreaterThan(20);
    const expected = await sim.store.sql<{ case_id: string; net_value: number }>(
      "SELECT case_id, net_value FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND segment = 'KA' ORDER BY net_value DESC NULLS LAST, case_no LIMIT 40 OFFSET 10",
    );
    expect(page.rows.map((r) => r.case_id)).toEqual(ids(expected));
    expect(page.rows.map((r) => r.net_value)).toEqual(expected.map((r) => r.net_value));
    expect(page.rows.every((r) => r.segment === 'KA')).toBe(true);
  });

  it('pages through ties without losing or repeating a case', async () => {
    const all: string[] = [];
    for (let offset = 0; offset < 300; offset += 70) {
      const p = await caseList(sim.store, { logId: 'o2c', sort: { column: 'segment', dir: 'asc' }, offset, limit: 70, columns: ['segment'] });
      all.push(...p.rows.map((r) => String(r.case_id)));
      expect(p.columns.map((c) => c.id)).toEqual(['case_id', 'segment']);
    }
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    const expected = await sim.store.sql<{ case_id: string }>(
      "SELECT case_id FROM cases WHERE log_id = 'o2c' AND perspective = 'order' ORDER BY segment ASC NULLS LAST, case_no",
    );
    expect(all).toEqual(ids(expected));
  });

  it('formats times as ISO UTC and durations in seconds', async () => {
    const p = await caseList(sim.store, { logId: 'o2c', sort: { column: 'duration', dir: 'desc' }, limit: 1, columns: ['start_ts', 'end_ts', 'duration'] });
    const r = p.rows[0];
    expect(r.start_ts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(r.duration).toBe((Date.parse(String(r.end_ts)) - Date.parse(String(r.start_ts))) / 1000);
    const [{ d }] = await sim.store.sql<{ d: number }>("SELECT max(epoch(end_ts) - epoch(start_ts)) AS d FROM cases WHERE log_id = 'o2c' AND perspective = 'order'");
    expect(r.duration).toBe(d);
  });

  it('refuses a column or sort key that is not in the list', async () => {
    await expect(caseList(sim.store, { logId: 'o2c', sort: { column: 'variant; DROP TABLE cases', dir: 'asc' } })).rejects.toThrow(MiningInputError);
    await expect(caseList(sim.store, { logId: 'o2c', columns: ['nope'] })).rejects.toThrow(/unknown case column.*"nope"/);
    await expect(caseList(sim.store, { logId: 'o2c', limit: 0 })).rejects.toThrow(MiningInputError);
  });
});

describe('caseCsv', () => {
  it('streams exactly the selected cases, in the table order, with a header of column ids', async () => {
    const text = await readCsv({ logId: 'o2c', filters: KA, sort: { column: 'created_ts', dir: 'asc' }, columns: ['customer_name', 'net_value', 'created_ts'] });
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['case_id', 'customer_name', 'net_value', 'created_ts']);
    const expected = await sim.store.sql<{ case_id: string; customer_name: string }>(
      "SELECT case_id, customer_name FROM cases WHERE log_id = 'o2c' AND perspective = 'order' AND segment = 'KA' ORDER BY created_ts ASC NULLS LAST, case_no",
    );
    expect(rows.slice(1).map((r) => r[0])).toEqual(ids(expected));
    expect(rows.slice(1).map((r) => r[1])).toEqual(expected.map((r) => r.customer_name));
    expect(rows.slice(1).every((r) => r.length === 4)).toBe(true);
  });

  it('quotes fields as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
  });
});

describe('caseDetail', () => {
  let caseId: string;
  beforeAll(async () => {
    // The order with most events that also has SLA clocks: a rich case page.
    const [r] = await sim.store.sql<{ case_id: string }>(
      `SELECT c.case_id FROM cases c WHERE c.log_id = 'o2c' AND c.perspective = 'order'
         AND EXISTS (SELECT 1 FROM sla_clocks s WHERE s.log_id = c.log_id AND s.case_no = c.case_no)
       ORDER BY c.n_events DESC, c.case_no LIMIT 1`,
    );
    caseId = r.case_id;
  });

  it('lists the trace events in order with their source records and the objects they touch', async () => {
    const d = await caseDetail(sim.store, { logId: 'o2c', caseId });
    const expected = await sim.store.sql<{ activity: string; source_system: string; source_file: string; source_key: string; run_id: string; event_id: string }>(
      `SELECT e.activity, e.source_system, e.source_file, e.source_key, e.run_id, e.event_id
       FROM case_trace t JOIN events e ON e.log_id = t.log_id AND e.seq = t.event_seq
       WHERE t.log_id = 'o2c' AND t.perspective = 'order' AND t.case_id = $c ORDER BY t.seq`,
      { c: caseId },
    );
    expect(d.events.map((e) => [e.activity, e.sourceSystem, e.sourceFile, e.sourceKey, e.runId])).toEqual(
      expected.map((e) => [e.activity, e.source_system, e.source_file, e.source_key, e.run_id]),
    );
    expect(d.events.map((e) => e.seq)).toEqual(expected.map((_, i) => i + 1));
    const ts = d.events.map((e) => e.ts);
    expect([...ts].sort()).toEqual(ts);
    expect(new Set(d.events.map((e) => e.sourceSystem)).size).toBeGreaterThan(1); // ERP and WMS/billing
    const [{ n }] = await sim.store.sql<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM event_object eo WHERE eo.log_id = 'o2c' AND eo.event_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]')))`,
      { ids: JSON.stringify(expected.map((e) => e.event_id)) },
    );
    expect(d.events.reduce((s, e) => s + e.objects.length, 0)).toBe(n);
    expect(d.row.case_id).toBe(caseId);
    expect(d.isOrder).toBe(true);
    expect(['created', 'shipped', 'invoiced', 'cancelled']).toContain(d.status);
  });

  it('gives the related objects as a graph with the store relations among them', async () => {
    const d = await caseDetail(sim.store, { logId: 'o2c', caseId });
    const types = new Set(d.objects.nodes.map((n) => n.type));
    for (const t of ['sales_order', 'customer', 'order_line', 'delivery', 'invoice']) expect(types).toContain(t);
    expect(d.objects.nodes.filter((n) => n.isCase).map((n) => n.id)).toEqual([caseId]);
    const nodeIds = new Set(d.objects.nodes.map((n) => n.id));
    for (const e of d.objects.edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
    expect(d.objects.edges).toContainEqual(expect.objectContaining({ target: caseId, qualifier: 'places' }));
    const [{ n }] = await sim.store.sql<{ n: number }>(
      `SELECT count(DISTINCT (source_id, target_id, qualifier))::INTEGER AS n FROM object_object
       WHERE log_id = 'o2c' AND source_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]'))) AND target_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]')))`,
      { ids: JSON.stringify([...nodeIds]) },
    );
    expect(d.objects.edges).toHaveLength(n);
    expect(d.objects.nodes.find((x) => x.isCase)?.sourceKey).toMatch(/^sap:VBAK:/);
  });

  it('reads the related objects by id through the object index, as the objects rows are', async () => {
    const d = await caseDetail(sim.store, { logId: 'o2c', caseId });
    const ids = d.objects.nodes.map((n) => n.id);
    const rows = await sim.store.sql<{ object_id: string; object_type: string; source_key: string | null }>(
      `SELECT object_id, object_type, source_key FROM objects WHERE log_id = 'o2c' AND object_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]'))) ORDER BY object_id`,
      { ids: JSON.stringify(ids) },
    );
    expect(rows.length).toBe(ids.length);
    const byId = new Map(d.objects.nodes.map((n) => [n.id, n]));
    for (const r of rows) expect([byId.get(r.object_id)?.type, byId.get(r.object_id)?.sourceKey], r.object_id).toEqual([r.object_type, r.source_key]);
    // The lookup binds one parameter per id, which the objects_object_id index serves on large
    // stores (sql/schema/015; on a store this small DuckDB prefers to scan).
    const text = fillSlots('mining/cases/objects', loadQuery('mining/cases/objects'), { ids: frag.paramList('id', ids.length) });
    expect(text).toContain(`$id_${ids.length - 1})`);
    const idx = await sim.store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_indexes() WHERE index_name = 'objects_object_id' AND table_name = 'objects'`);
    expect(idx[0].n).toBe(1);
  });

  it('shows the SLA clocks of the case as stored, with every rule of the policy', async () => {
    const d = await caseDetail(sim.store, { logId: 'o2c', caseId });
    const rows = await sim.store.sql<{ rule_id: string; status: string; used_seconds: number; allowance_seconds: number; entity_id: string }>(
      `SELECT rule_id, status, used_seconds, allowance_seconds, entity_id FROM sla_clocks
       WHERE log_id = 'o2c' AND perspective = 'order' AND case_id = $c ORDER BY rule_id, start_ts, entity_id, start_event_seq, clock_no`,
      { c: caseId },
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(d.sla?.clocks.map((c) => [c.ruleId, c.status, c.usedSeconds, c.allowanceSeconds, c.entityId])).toEqual(
      rows.map((r) => [r.rule_id, r.status, r.used_seconds, r.allowance_seconds, r.entity_id]),
    );
    expect(d.sla?.rules.length).toBeGreaterThanOrEqual(new Set(rows.map((r) => r.rule_id)).size);
  });

  it('reports the conformance deviations of the case', async () => {
    const [dev] = await sim.store.sql<{ case_id: string; n: number }>(
      `SELECT c.case_id, count(*)::INTEGER AS n FROM case_deviations d JOIN cases c ON c.log_id = d.log_id AND c.perspective = d.perspective AND c.case_no = d.case_no
       WHERE d.log_id = 'o2c' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    const d = await caseDetail(sim.store, { logId: 'o2c', caseId: dev.case_id });
    expect(d.conformance?.deviations).toHaveLength(dev.n);
    expect(d.conformance?.fitness).toBeLessThan(1);
  });

  it('names the case and the log when the case does not exist', async () => {
    await expect(caseDetail(sim.store, { logId: 'o2c', caseId: 'sales_order:nope' })).rejects.toThrow(MiningNotFoundError);
    await expect(caseDetail(sim.store, { logId: 'o2c', caseId: 'sales_order:nope' })).rejects.toThrow(/"sales_order:nope" in log "o2c"/);
  });
});

describe('a case-centric log (XES)', () => {
  it('offers the generic columns and the case attributes, and opens a case', async () => {
    await importXes(sim.store, join(process.cwd(), 'fixtures', 'datasets', 'running-example.xes'), { logId: 'rx' });
    const cols = await caseColumns(sim.store, { logId: 'rx' });
    expect(cols.perspective).toBe('case');
    expect(cols.columns.map((c) => c.id)).toEqual(expect.arrayContaining(['case_id', 'start_ts', 'duration', 'n_events']));
    expect(cols.columns.map((c) => c.id)).not.toContain('customer_name');
    const page = await caseList(sim.store, { logId: 'rx', sort: { column: 'n_events', dir: 'desc' }, limit: 10 });
    expect(page.total).toBe(6);
    const expected = await sim.store.sql<{ case_id: string }>("SELECT case_id FROM cases WHERE log_id = 'rx' ORDER BY n_events DESC, case_no");
    expect(page.rows.map((r) => r.case_id)).toEqual(ids(expected));
    const attr = cols.columns.find((c) => c.id.startsWith('attr:'));
    if (attr) {
      const sorted = await caseList(sim.store, { logId: 'rx', sort: { column: attr.id, dir: 'asc' }, columns: [attr.id] });
      expect(sorted.rows).toHaveLength(6);
    }
    const d = await caseDetail(sim.store, { logId: 'rx', caseId: String(page.rows[0].case_id) });
    expect(d.events).toHaveLength(Number(page.rows[0].n_events));
    expect(d.sla).toBeNull();
    expect(d.isOrder).toBe(false);
  });
});
