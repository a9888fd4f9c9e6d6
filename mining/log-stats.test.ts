// Log statistics against the figures other tools publish (../shared/datasets/README.md).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Store } from '../sql';
import { importOcel } from '../ingest/ocel';
import { importXes } from '../ingest/xes';
import { dataset } from '../ingest/xes/testing';
import { logStats, type LogStats } from './index';

async function statsOf(name: string): Promise<LogStats> {
  const path = dataset(name);
  if (!existsSync(path)) throw new Error(`dataset missing: ${path} (set THROUGHLINE_DATASETS)`);
  const store = await Store.open(':memory:');
  await importXes(store, path, { logId: 'l' });
  return logStats(store, 'l');
}

describe('log statistics', () => {
  it('gives the published figures for running-example.xes', async () => {
    const s = await statsOf('running-example.xes');
    expect(s).toMatchObject({ kind: 'xes', cases: 6, events: 42, activities: 8, variants: 6, dfgEdges: 16 });
    expect(s.startActivities).toEqual({ 'register request': 6 });
    expect(s.endActivities).toEqual({ 'pay compensation': 3, 'reject request': 3 });
    expect(s.topVariants).toHaveLength(6);
    expect(s.topVariants.every((v) => v.cases === 1)).toBe(true);
    expect(s.topVariants.map((v) => v.activities.length).sort((a, b) => a - b)).toEqual([5, 5, 5, 5, 9, 13]);
  });

  it('counts the listed directly-follows edges of running-example.xes', async () => {
    const store = await Store.open(':memory:');
    await importXes(store, dataset('running-example.xes'), { logId: 'l' });
    await logStats(store, 'l');
    const rows = await store.sql<{ a: string; b: string; n: number }>(
      `SELECT a, b, count(*)::INTEGER AS n FROM (
         SELECT activity AS a, lead(activity) OVER (PARTITION BY case_no ORDER BY seq) AS b FROM case_trace WHERE log_id = 'l')
       WHERE b IS NOT NULL GROUP BY a, b`,
    );
    const edge = (a: string, b: string) => rows.find((r) => r.a === a && r.b === b)?.n;
    expect(rows).toHaveLength(16);
    expect(edge('register request', 'examine casually')).toBe(3);
    expect(edge('examine casually', 'check ticket')).toBe(4);
    expect(edge('check ticket', 'decide')).toBe(6);
    expect(edge('decide', 'pay compensation')).toBe(3);
    expect(edge('decide', 'reject request')).toBe(3);
    expect(edge('decide', 'reinitiate request')).toBe(3);
  });

  it('gives the published figures for receipt.xes.gz', async () => {
    const s = await statsOf('receipt.xes.gz');
    expect(s).toMatchObject({ cases: 1434, events: 8577, activities: 27, variants: 116, dfgEdges: 99, dfgPairs: 7143 });
    expect(s.startActivities).toEqual({ 'Confirmation of receipt': 1434 });
    expect(Object.entries(s.endActivities).slice(0, 3)).toEqual([
      ['T10 Determine necessity to stop indication', 828],
      ['T05 Print and send confirmation of receipt', 400],
      ['Confirmation of receipt', 116],
    ]);
    const store = await Store.open(':memory:');
    await importXes(store, dataset('receipt.xes.gz'), { logId: 'r' });
    const counts = await store.sql<{ activity: string; n: number }>(
      `SELECT activity, count(*)::INTEGER AS n FROM events WHERE log_id = 'r' GROUP BY activity ORDER BY n DESC LIMIT 6`,
    );
    expect(counts.map((c) => [c.activity.slice(0, 3), c.n])).toEqual([
      ['Con', 1434],
      ['T06', 1416],
      ['T02', 1368],
      ['T04', 1307],
      ['T05', 1300],
      ['T10', 1283],
    ]);
  });

  it('gives the published figures for roadtraffic100traces.xes', async () => {
    const s = await statsOf('roadtraffic100traces.xes');
    expect(s).toMatchObject({ cases: 100, events: 390, activities: 10, variants: 10, dfgEdges: 18 });
    expect(s.topVariants[0]).toEqual({ activities: ['Create Fine', 'Send Fine', 'Insert Fine Notification', 'Add penalty', 'Send for Credit Collection'], cases: 36 });
  });

  it('gives the published figures for bpic2012.xes.gz', async () => {
    const s = await statsOf('bpic2012.xes.gz');
    expect(s).toMatchObject({ cases: 13087, events: 262200, activities: 24, variants: 4366, dfgEdges: 125 });
    expect(s.startActivities).toEqual({ A_SUBMITTED: 13087 });
    expect(s.topVariants).toHaveLength(10);
    expect(s.topVariants[0].cases).toBeGreaterThanOrEqual(s.topVariants[9].cases);
  });

  it('computes object-centric figures and a flattening per object type for an ocel log', async () => {
    const store = await Store.open(':memory:');
    await store.sql(`INSERT INTO logs (log_id, name, kind) VALUES ('o', 'tiny', 'ocel')`);
    await store.sql(`INSERT INTO events (log_id, event_id, activity, ts, seq, source_system, source_key, run_id) VALUES
      ('o','e1','place','2024-01-01 10:00',1,'t','k','r'), ('o','e2','pick','2024-01-01 11:00',2,'t','k','r'),
      ('o','e3','ship','2024-01-01 11:00',3,'t','k','r'), ('o','e4','pay','2024-01-02 09:00',4,'t','k','r')`);
    await store.sql(`INSERT INTO objects (log_id, object_id, object_type, run_id) VALUES
      ('o','order:1','order','r'), ('o','item:1','item','r'), ('o','item:2','item','r'), ('o','customer:1','customer','r')`);
    await store.sql(`INSERT INTO event_object VALUES
      ('o','e1','order:1','q'), ('o','e1','item:1','q'), ('o','e1','item:2','q'), ('o','e2','item:1','q'),
      ('o','e3','item:1','q'), ('o','e3','order:1','q'), ('o','e4','order:1','q'), ('o','e3','item:2','q')`);
    await store.sql(`INSERT INTO object_object VALUES ('o','order:1','item:1','comprises','r'), ('o','order:1','item:2','comprises','r')`);
    const s = await logStats(store, 'o');
    expect(s).toMatchObject({ kind: 'ocel', events: 4, eventTypes: 4, objects: 4, objectTypes: 3, e2o: 8, o2o: 2 });
    expect(Object.keys(s.perObjectType ?? {})).toEqual(['item', 'order']);
    expect(s.perObjectType?.order).toMatchObject({ cases: 1, events: 3, activities: 3, variants: 1, dfgEdges: 2, dfgPairs: 2 });
    expect(s.perObjectType?.item).toMatchObject({ cases: 2, events: 5, variants: 2, dfgEdges: 3, dfgPairs: 3 });
    expect(s.perObjectType?.item.startActivities).toEqual({ place: 2 });
    expect(s.perObjectType?.item.endActivities).toEqual({ ship: 2 });
    expect(s.perObjectType?.item.topVariants).toEqual([
      { activities: ['place', 'pick', 'ship'], cases: 1 },
      { activities: ['place', 'ship'], cases: 1 },
    ]);
  });

  it('gives the published OCEL figures for ocel20_example and order-management (importer: ingest/ocel)', async () => {
    const figures: [string, Record<string, number>][] = [
      ['ocel20_example.jsonocel', { events: 13, objects: 9, eventTypes: 8, objectTypes: 4, e2o: 20, o2o: 7 }],
      ['order-management.json.gz', { events: 21008, objects: 10840, eventTypes: 11, objectTypes: 6, e2o: 147463, o2o: 28391 }],
    ];
    for (const [name, expected] of figures) {
      const store = await Store.open(':memory:');
      await importOcel(store, dataset(name), { logId: 'o' });
      const s = await logStats(store, 'o');
      expect(s).toMatchObject({ kind: 'ocel', ...expected });
      if (name.startsWith('order')) {
        expect(s.perObjectType?.orders).toMatchObject({ cases: 2000, events: 6566 });
        expect(Object.keys(s.perObjectType ?? {})).toHaveLength(6);
      }
    }
  });
});
