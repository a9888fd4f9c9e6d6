import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Store } from '../../sql';
import { logStats } from '../../mining';
import { exportXes, importXes, parseXesTimestamp } from './index';
import { dataset } from './testing';

const tmp = () => mkdtempSync(join(tmpdir(), 'xes-'));

describe('XES import', () => {
  it('stores every event of the running example with activity, UTC time, resource and attributes', async () => {
    const store = await Store.open(':memory:');
    const r = await importXes(store, dataset('running-example.xes'), { logId: 're' });
    expect(r).toMatchObject({ status: 'succeeded', sourceKind: 'xes', eventsAdded: 42, objectsAdded: 6, rowsRejected: 0 });
    const [log] = await store.sql<{ kind: string; name: string }>(`SELECT kind, name FROM logs WHERE log_id = 're'`);
    expect(log).toEqual({ kind: 'xes', name: 'running-example' });
    // The file says 2010-12-30T14:32:00.000+01:00 for case 3's first event.
    const [first] = await store.sql<{ activity: string; ts: string; user_id: string; costs: string; object_id: string; qualifier: string }>(
      `SELECT e.activity, e.ts::VARCHAR AS ts, e.user_id, e.attrs->>'Costs' AS costs, eo.object_id, eo.qualifier
       FROM events e JOIN event_object eo USING (log_id, event_id) WHERE e.log_id = 're' ORDER BY e.seq LIMIT 1`,
    );
    expect(first).toEqual({ activity: 'register request', ts: '2010-12-30 13:32:00', user_id: 'Pete', costs: '50', object_id: 'case:3', qualifier: 'case' });
    const lengths = await store.sql<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM event_object WHERE log_id = 're' GROUP BY object_id ORDER BY min(event_id)`,
    );
    expect(lengths.length).toBe(6);
    const meta = await store.sql<{ scope: string; key: string }>(`SELECT scope, key FROM log_attributes WHERE log_id = 're' ORDER BY ord`);
    expect(meta.map((m) => m.scope)).toEqual(expect.arrayContaining(['extension', 'global:trace', 'global:event', 'classifier', 'log']));
  });

  it('keeps trace lengths in file order as 9, 5, 5, 5, 13, 5 for the running example', async () => {
    const store = await Store.open(':memory:');
    await importXes(store, dataset('running-example.xes'), { logId: 're' });
    const rows = await store.sql<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM events e JOIN event_object eo USING (log_id, event_id)
       WHERE e.log_id = 're' GROUP BY eo.object_id ORDER BY min(e.seq)`,
    );
    expect(rows.map((r) => r.n)).toEqual([9, 5, 5, 5, 13, 5]);
  });

  it('is a no-op when the same file is imported again', async () => {
    const store = await Store.open(':memory:');
    await importXes(store, dataset('running-example.xes'), { logId: 're' });
    const again = await importXes(store, dataset('running-example.xes'), { logId: 're' });
    expect(again).toMatchObject({ eventsAdded: 0, objectsAdded: 0 });
    expect((await logStats(store, 're')).events).toBe(42);
  });

  it('converts timestamps with offsets to UTC and refuses impossible ones', () => {
    expect(new Date(parseXesTimestamp('2010-12-30T14:32:00.000+01:00')).toISOString()).toBe('2010-12-30T13:32:00.000Z');
    expect(new Date(parseXesTimestamp('2021-03-01T10:00:00.123456-05:30')).toISOString()).toBe('2021-03-01T15:30:00.123Z');
    expect(new Date(parseXesTimestamp('2006-07-24')).toISOString()).toBe('2006-07-24T00:00:00.000Z');
    expect(new Date(parseXesTimestamp('2020-02-29T00:00:00Z')).toISOString()).toBe('2020-02-29T00:00:00.000Z');
    for (const bad of ['2021-02-29T00:00:00Z', '2021-13-01T00:00:00Z', '2021-01-01T24:00:00Z', 'yesterday', '2021-01-01T00:00:00+15:00']) {
      expect(() => parseXesTimestamp(bad)).toThrow();
    }
  });

  it('keeps typed, nested and list attributes and writes them back with their types', async () => {
    const dir = tmp();
    const file = join(dir, 'typed.xes');
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
  <global scope="event"><string key="concept:name" value="__INVALID__"/></global>
  <classifier name="Activity" keys="concept:name"/>
  <trace>
    <string key="concept:name" value="c&amp;1"/>
    <float key="amount" value="2.0"/>
    <event>
      <string key="concept:name" value="a &lt;b&gt; &quot;c&quot;"/>
      <date key="time:timestamp" value="2020-01-01T10:00:00.000+02:00"/>
      <string key="lifecycle:transition" value="start"/>
      <int key="n" value="7"/><boolean key="ok" value="true"/><id key="uid" value="x-1"/>
      <date key="due" value="2020-02-01T00:00:00.000+01:00"/>
      <string key="with meta" value="v"><int key="inner" value="1"/></string>
      <list key="items"><values><string key="item" value="p"/><int key="item" value="2"/></values></list>
      <container key="box"><string key="k" value="v"/></container>
      <string key="we&quot;ird\\key" value="line1&#10;line2"/>
    </event>
    <event>
      <string key="concept:name" value="a &lt;b&gt; &quot;c&quot;"/>
      <date key="time:timestamp" value="2020-01-01T08:30:00Z"/>
      <string key="lifecycle:transition" value="complete"/>
    </event>
  </trace>
</log>`,
    );
    const store = await Store.open(':memory:');
    await importXes(store, file, { logId: 't' });
    const [e] = await store.sql<{ activity: string; attrs: string }>(`SELECT activity, attrs::VARCHAR AS attrs FROM events WHERE log_id = 't' ORDER BY seq LIMIT 1`);
    expect(e.activity).toBe('a <b> "c"');
    const attrs = JSON.parse(e.attrs) as Record<string, unknown>;
    expect(attrs).toMatchObject({ n: 7, ok: true, uid: 'x-1', 'lifecycle:transition': 'start', 'we"ird\\key': 'line1\nline2' });
    expect(JSON.parse(String(attrs.items))).toEqual({ t: 'list', v: null, c: [{ k: 'item', t: 'string', v: 'p' }, { k: 'item', t: 'int', v: '2' }] });
    const [inst] = await store.sql<{ processing_seconds: number }>(`SELECT processing_seconds FROM activity_instances WHERE log_id = 't'`);
    expect(inst.processing_seconds).toBe(30 * 60);

    const out = join(dir, 'out.xes');
    await exportXes(store, 't', out);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('<int key="n" value="7"/>');
    expect(xml).toContain('<float key="amount" value="2"/>');
    expect(xml).toContain('<boolean key="ok" value="true"/>');
    expect(xml).toContain('<id key="uid" value="x-1"/>');
    expect(xml).toContain('<date key="due" value="2020-02-01T00:00:00.000+01:00"/>');
    expect(xml).toContain('<classifier name="Activity" keys="concept:name"/>');
    expect(xml).toContain('value="a &lt;b&gt; &quot;c&quot;"');
    expect(xml).toContain('<string key="we&quot;ird\\key" value="line1&#10;line2"/>');
    await importXes(store, out, { logId: 't2' });
    const [back] = await store.sql<{ attrs: string }>(`SELECT attrs::VARCHAR AS attrs FROM events WHERE log_id = 't2' ORDER BY seq LIMIT 1`);
    expect(JSON.parse(back.attrs)).toEqual(attrs);
    const objs = await store.sql<{ id: string; attrs: string }>(`SELECT object_id AS id, attrs::VARCHAR AS attrs FROM objects WHERE log_id IN ('t', 't2') ORDER BY log_id`);
    expect(objs[0]).toEqual(objs[1]);
  });

  it('pairs lifecycle start and complete first-in-first-out into activity instances', async () => {
    const ev = (a: string, lc: string, min: number) =>
      `<event><string key="concept:name" value="${a}"/><string key="lifecycle:transition" value="${lc}"/>` +
      `<date key="time:timestamp" value="2020-01-01T10:${String(min).padStart(2, '0')}:00Z"/></event>`;
    const file = join(tmp(), 'lifecycle.xes');
    writeFileSync(
      file,
      `<log><trace><string key="concept:name" value="c"/>${ev('A', 'complete', 0)}${ev('A', 'start', 2)}${ev('A', 'schedule', 3)}` +
        `${ev('A', 'start', 4)}${ev('B', 'start', 5)}${ev('A', 'complete', 6)}${ev('A', 'COMPLETE', 10)}</trace></log>`,
    );
    const store = await Store.open(':memory:');
    const r = await importXes(store, file, { logId: 'lc' });
    expect(r.eventsAdded).toBe(7); // every event is stored, schedule included
    const rows = await store.sql<{ activity: string; s: string | null; c: string | null; p: number | null; w: number }>(
      `SELECT activity, strftime(start_ts, '%M') AS s, strftime(complete_ts, '%M') AS c, processing_seconds AS p, waiting_seconds AS w
       FROM activity_instances WHERE log_id = 'lc' ORDER BY instance_no`,
    );
    expect(rows).toEqual([
      { activity: 'A', s: null, c: '00', p: null, w: 0 },
      { activity: 'A', s: '02', c: '06', p: 240, w: 120 },
      { activity: 'A', s: '04', c: '10', p: 360, w: 0 },
      { activity: 'B', s: '05', c: null, p: null, w: 0 },
    ]);
  });
});

describe('XES export', () => {
  for (const name of ['running-example.xes', 'receipt.xes.gz', 'roadtraffic100traces.xes', 'bpic2012.xes.gz']) {
    it(`gives identical stats after an export/import round trip of ${name}`, async () => {
      const path = dataset(name);
      if (!existsSync(path)) throw new Error(`dataset missing: ${path} (set THROUGHLINE_DATASETS)`);
      const store = await Store.open(':memory:');
      await importXes(store, path, { logId: 'a' });
      const out = join(tmp(), name);
      const ex = await exportXes(store, 'a', out);
      if (name.endsWith('.gz')) expect(gunzipSync(readFileSync(out)).subarray(0, 5).toString()).toBe('<?xml');
      await importXes(store, out, { logId: 'b' });
      const a = await logStats(store, 'a');
      const b = await logStats(store, 'b');
      expect({ ...b, logId: 'a' }).toEqual(a);
      expect(ex).toMatchObject({ traces: a.cases, events: a.events });
    });
  }
});
