// The acceptance surface: `throughline import` then `throughline stats --log NAME --json` must
// give the figures other tools publish for the real logs in ../shared/datasets.
import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const bin = join(process.cwd(), 'bin', 'throughline.mjs');
const datasets = resolve(process.env.THROUGHLINE_DATASETS ?? '../shared/datasets');
const dir = mkdtempSync(join(tmpdir(), 'tl-import-'));
const store = join(dir, 'store.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function importAndStats(file: string, log: string, ...extra: string[]) {
  const imp = cli('import', file, '--log', log, '--store', store, ...extra);
  expect(imp.code, imp.err + imp.out).toBe(0);
  const stats = cli('stats', '--log', log, '--store', store, '--json');
  expect(stats.code, stats.err).toBe(0);
  return JSON.parse(stats.out);
}

const CASE_CENTRIC = [
  { file: 'running-example.xes', cases: 6, events: 42, activities: 8, variants: 6, dfgEdges: 16 },
  { file: 'receipt.xes.gz', cases: 1434, events: 8577, activities: 27, variants: 116, dfgEdges: 99, dfgPairs: 7143 },
  { file: 'roadtraffic100traces.xes', cases: 100, events: 390, activities: 10, variants: 10, dfgEdges: 18 },
  { file: 'bpic2012.xes.gz', cases: 13087, events: 262200, activities: 24, variants: 4366, dfgEdges: 125 },
];

describe('throughline import and stats --log on the published logs', () => {
  for (const expected of CASE_CENTRIC) {
    it(`gives the published figures for ${expected.file}`, () => {
      const { file, ...figures } = expected;
      const s = importAndStats(join(datasets, file), file.split('.')[0]);
      for (const [key, value] of Object.entries(figures)) expect(s[key], key).toBe(value);
    });
  }

  it('gives the running example start and end activities and its directly-follows counts from CSV too', () => {
    const s = importAndStats(join(datasets, 'running-example.csv'), 'running-csv', '--case', 'case:concept:name', '--activity', 'concept:name', '--timestamp', 'time:timestamp');
    expect([s.cases, s.events, s.activities, s.variants, s.dfgEdges]).toEqual([6, 42, 8, 6, 16]);
    expect(s.startActivities).toEqual({ 'register request': 6 });
    expect(s.endActivities).toEqual({ 'pay compensation': 3, 'reject request': 3 });
  });

  it('gives the published OCEL figures for order-management in JSON and XML', () => {
    for (const [file, log] of [['order-management.json.gz', 'om-json'], ['order-management.xml.gz', 'om-xml']]) {
      const s = importAndStats(join(datasets, file), log);
      expect([s.events, s.objects, s.eventTypes, s.objectTypes, s.e2o, s.o2o], file).toEqual([21008, 10840, 11, 6, 147463, 28391]);
      expect(s.perObjectType.orders.cases, file).toBe(2000);
    }
  });

  it('gives the same OCEL figures for the three encodings of ocel20_example', () => {
    for (const ext of ['jsonocel', 'xmlocel', 'sqlite']) {
      const s = importAndStats(join(datasets, `ocel20_example.${ext}`), `p2p-${ext}`);
      expect([s.events, s.objects, s.eventTypes, s.objectTypes, s.e2o, s.o2o], ext).toEqual([13, 9, 8, 4, 20, 7]);
    }
  });

  it('round-trips a log through XES and OCEL export with the same statistics', () => {
    const before = JSON.parse(cli('stats', '--log', 'receipt', '--store', store, '--json').out);
    const xes = join(dir, 'receipt-out.xes.gz');
    expect(cli('export', '--log', 'receipt', '--format', 'xes', '--out', xes, '--store', store).code).toBe(0);
    const again = importAndStats(xes, 'receipt-again');
    for (const k of ['cases', 'events', 'activities', 'variants', 'dfgEdges', 'dfgPairs', 'startActivities', 'endActivities']) expect(again[k], k).toEqual(before[k]);

    const om = JSON.parse(cli('stats', '--log', 'om-json', '--store', store, '--json').out);
    const sqlite = join(dir, 'om.sqlite');
    expect(cli('export', '--log', 'om-json', '--format', 'ocel-sqlite', '--out', sqlite, '--store', store).code).toBe(0);
    const back = importAndStats(sqlite, 'om-again');
    for (const k of ['events', 'objects', 'eventTypes', 'objectTypes', 'e2o', 'o2o']) expect(back[k], k).toBe(om[k]);
  });

  it('refuses a file whose format it cannot tell, and a missing log', () => {
    const bad = cli('import', join(datasets, 'README.md'), '--log', 'x', '--store', store);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('cannot tell the format');
    const none = cli('stats', '--log', 'nope', '--store', store);
    expect(none.code).toBe(1);
    expect(none.err).toContain('No log "nope"');
  });
});
