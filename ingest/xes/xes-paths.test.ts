// The XES fast path (import.ts: scanner → TSV → set-based SQL) against the pipeline path (map.ts
// through ingest/pipeline): the same files imported both ways into two stores must leave the same
// rows in every table an XES import writes, run ids and run times aside. Covers published files,
// rejects, typed/nested/escaped attributes, duplicate and missing trace names, a folder, and a
// second import of the same file (duplicates, merged objects).
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../sql';
import { importXes } from './index';
import { dataset, MALFORMED } from './testing';

const TABLES = ['logs', 'events', 'objects', 'object_changes', 'event_object', 'object_object', 'rejects', 'object_aliases', 'ingest_runs', 'log_attributes', 'activity_instances'];
const VOLATILE = ['run_id', 'started_at', 'finished_at', 'created_at'];

async function dump(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) {
    const cols = await store.sql<{ name: string }>(`SELECT name FROM pragma_table_info('${t}') ORDER BY cid`);
    const keep = cols.map((c) => `"${c.name}"`).filter((c) => !VOLATILE.includes(c.slice(1, -1)));
    const rows = await store.sql<{ r: string }>(`SELECT (${keep.join(" || '|' || ")})::VARCHAR AS r FROM (SELECT ${keep.map((c) => `coalesce(${c}::VARCHAR, '∅') AS ${c}`).join(', ')} FROM ${t}) ORDER BY r`);
    out[t] = rows.map((x) => x.r);
  }
  return out;
}

async function both(files: string[], logId = 'x'): Promise<[Record<string, string[]>, Record<string, string[]>]> {
  const results: Record<string, string[]>[] = [];
  for (const via of ['pipeline', 'fast'] as const) {
    const store = await Store.open(':memory:');
    const outcomes: unknown[] = [];
    for (const f of files) {
      const r = await importXes(store, f, { logId, via });
      outcomes.push({ ...r, runId: undefined, durationMs: undefined });
    }
    results.push({ ...(await dump(store)), results: outcomes.map((o) => JSON.stringify(o)) });
  }
  return [results[0], results[1]];
}

const TYPED = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event"><string key="concept:name" value="__INVALID__"/></global>
  <classifier name="Activity" keys="concept:name"/>
  <string key="concept:name" value="typed log"/>
  <trace>
    <string key="concept:name" value="c&amp;1"/>
    <float key="amount" value="2.0"/>
    <event>
      <string key="concept:name" value="a &lt;b&gt; &quot;c&quot;&#9;tab&#10;nl \\N"/>
      <date key="time:timestamp" value="2020-01-01T10:00:00.000+02:00"/>
      <string key="lifecycle:transition" value="start"/>
      <string key="org:resource" value="\\N"/>
      <int key="n" value="7"/><int key="big" value="99999999999999999999"/><boolean key="ok" value="true"/><boolean key="odd" value="yes"/>
      <id key="uid" value="x-1"/><float key="f" value="1e3"/><float key="nan" value="abc"/>
      <date key="due" value="2020-02-01T00:00:00.000+01:00"/>
      <string key="with meta" value="v"><int key="inner" value="1"/></string>
      <list key="l"><values><string key="a" value="1"/><int key="b" value="2"/></values></list>
      <container key="box"><string key="x" value="y"/></container>
      <string key="n" value="second n"/>
      <string key="über &quot;quoted&quot;" value="ü"/>
    </event>
    <event>
      <string key="concept:name" value="a &lt;b&gt; &quot;c&quot;&#9;tab&#10;nl \\N"/>
      <date key="time:timestamp" value="2020-01-01T11:00:00Z"/>
      <string key="lifecycle:transition" value="complete"/>
      <string key="1" value="index key"/><string key="0" value="zero"/><string key="xes:types" value="sneaky"/>
    </event>
    <event><date key="time:timestamp" value="2020-01-01T11:00:00Z"/></event>
    <event><string key="concept:name" value="late"/><date key="time:timestamp" value="2021-02-29T00:00:00Z"/></event>
    <event><string key="concept:name" value="no time"/></event>
  </trace>
  <trace>
    <event><string key="concept:name" value="b"/><date key="time:timestamp" value="2020-01-02T00:00:00"/></event>
  </trace>
  <trace>
    <string key="concept:name" value="c&amp;1"/>
    <event><string key="concept:name" value="b"/><date key="time:timestamp" value="2020-01-02T00:00:00"/></event>
  </trace>
  <trace><string key="concept:name" value="fifo"/>
    <event><string key="concept:name" value="A"/><date key="time:timestamp" value="2020-03-01T01:00:00Z"/><string key="lifecycle:transition" value="start"/></event>
    <event><string key="concept:name" value="A"/><date key="time:timestamp" value="2020-03-01T02:00:00Z"/><string key="lifecycle:transition" value="start"/></event>
    <event><string key="concept:name" value="A"/><date key="time:timestamp" value="2020-03-01T03:00:00Z"/><string key="lifecycle:transition" value="complete"/></event>
    <event><string key="concept:name" value="B"/><date key="time:timestamp" value="2020-03-01T02:00:00Z"/><string key="lifecycle:transition" value="complete"/></event>
    <event><string key="concept:name" value="A"/><date key="time:timestamp" value="2020-03-01T00:30:00Z"/><string key="lifecycle:transition" value="complete"/></event>
    <event><string key="concept:name" value="A"/><date key="time:timestamp" value="2020-03-01T05:00:00Z"/><string key="lifecycle:transition" value="start"/></event>
    <event><string key="concept:name" value="C"/><date key="time:timestamp" value="2020-03-01T06:00:00Z"/><string key="lifecycle:transition" value="START"/></event>
    <event><string key="concept:name" value="C"/><date key="time:timestamp" value="2020-03-01T07:00:00Z"/><string key="lifecycle:transition" value="Complete"/></event>
    <event><string key="concept:name" value="D"/><date key="time:timestamp" value="2020-03-01T08:00:00Z"/><int key="lifecycle:transition" value="start"/></event>
    <event><string key="concept:name" value="D"/><date key="time:timestamp" value="2020-03-01T09:00:00Z"/><string key="lifecycle:transition" value="schedule"/></event>
    <event><string key="concept:name" value="D"/><date key="time:timestamp" value="2020-03-01T09:00:00Z"/></event>
    <event><string key="concept:name" value="E"/><date key="time:timestamp" value="2020-03-01T10:00:00Z"/><string key="lifecycle:transition" value="start"><int key="x" value="1"/></string></event>
    <event><string key="concept:name" value="E"/><date key="time:timestamp" value="2020-03-01T10:00:00Z"/><string key="lifecycle:transition" value="complete"/></event>
    <event><string key="concept:name" value="F"/><date key="time:timestamp" value="2020-03-01T11:00:00Z"/><string key="lifecycle:transition" value="start"/></event>
    <event><string key="concept:name" value="F"/><date key="time:timestamp" value="2020-03-01T11:00:00Z"/><string key="lifecycle:transition" value="complete"/></event>
    <event><string key="concept:name" value="F"/><date key="time:timestamp" value="2020-03-01T11:00:00Z"/><string key="lifecycle:transition" value="start"/></event>
    <event><string key="concept:name" value="F"/><date key="time:timestamp" value="2020-03-01T11:00:00Z"/><string key="lifecycle:transition" value="complete"/></event>
  </trace>
  <trace><string key="concept:name" value="empty"/><int key="n" value="1"/></trace>
</log>
`;

describe('XES fast path against the pipeline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xes-paths-'));
  const typed = join(dir, 'typed.xes');
  writeFileSync(typed, TYPED);

  const cases: [string, string[]][] = [
    ['the running example', [dataset('running-example.xes')]],
    ['receipt.xes.gz', [dataset('receipt.xes.gz')]],
    ['roadtraffic100traces.xes', [dataset('roadtraffic100traces.xes')]],
    ['impossible timestamps (rejects)', [join(MALFORMED, 'impossible-timestamps.xes')]],
    ['typed, nested and escaped attributes', [typed]],
    ['the same files twice (duplicates, rejects once)', [typed, typed, dataset('running-example.xes'), dataset('running-example.xes')]],
  ];
  for (const [name, files] of cases) {
    it(`writes the same rows for ${name}`, async () => {
      const [pipeline, fast] = await both(files);
      expect(fast).toEqual(pipeline);
      expect(fast.events.length).toBeGreaterThan(0);
    }, 120_000);
  }

  it('writes the same rows for a folder whose files share case names', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    copyFileSync(typed, join(folder, 'a.xes'));
    copyFileSync(dataset('running-example.xes'), join(folder, 'b.xes'));
    writeFileSync(join(folder, 'c.xes'), TYPED.replace('c&amp;1"/>\n    <float key="amount" value="2.0"/>', 'c&amp;1"/>\n    <float key="other" value="3.5"/>'));
    const [pipeline, fast] = await both([folder]);
    expect(fast).toEqual(pipeline);
  }, 120_000);
});
