// Export to OCEL 2.0 JSON and SQLite and import again: the counts stay the same, for OCEL logs
// (and their whole canonical content) and for the O2C log built from the simulated ERP, WMS and
// billing sources.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../fixtures/sim/simulate';
import { Store } from '../../sql';
import { ingestDirectory } from '../index';
import { exportOcel, importOcel } from './index';
import { canonicalDump, dataset, ocelCounts } from './testing';

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-ocel-rt-'));
  store = await Store.open(':memory:');
});

afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('OCEL files survive an export/import round trip', () => {
  for (const [file, logId] of [
    ['ocel20_example.jsonocel', 'ex'],
    ['order-management.json.gz', 'om'],
  ] as const) {
    it(`${file} exported to JSON and SQLite re-imports with identical counts and content`, async () => {
      await importOcel(store, dataset(file), { logId });
      const counts = await ocelCounts(store, logId);
      const dump = await canonicalDump(store, logId);
      for (const [format, ext] of [
        ['json', 'jsonocel'],
        ['sqlite', 'sqlite'],
      ] as const) {
        const out = join(dir, `${logId}.${ext}`);
        const exported = await exportOcel(store, logId, out, format);
        expect(exported).toMatchObject({ events: counts.events, objects: counts.objects, e2o: counts.e2o, o2o: counts.o2o });
        const again = `${logId}-${format}`;
        await importOcel(store, out, { logId: again });
        expect(await ocelCounts(store, again)).toEqual(counts);
        expect(await canonicalDump(store, again)).toEqual(dump);
      }
    });
  }

  it('gzipped JSON and SQLite exports re-import with identical counts', async () => {
    const json = join(dir, 'ex.json.gz');
    await exportOcel(store, 'ex', json, 'json');
    await importOcel(store, json, { logId: 'ex-json-gz' });
    expect(await ocelCounts(store, 'ex-json-gz')).toEqual(await ocelCounts(store, 'ex'));
    const sqlite = join(dir, 'ex-for-gz.sqlite');
    await exportOcel(store, 'ex', sqlite, 'sqlite');
    writeFileSync(`${sqlite}.gz`, gzipSync(readFileSync(sqlite)));
    await importOcel(store, `${sqlite}.gz`, { logId: 'ex-sqlite-gz' });
    expect(await ocelCounts(store, 'ex-sqlite-gz')).toEqual(await ocelCounts(store, 'ex'));
  });
});

describe('the o2c log exported as OCEL 2.0', () => {
  it('re-imports from JSON and SQLite with the same event, object and relation counts', async () => {
    const sim = join(dir, 'sim');
    await simulate({ orders: 300, seed: 7, outDir: sim });
    await ingestDirectory(store, sim);
    const o2c = await ocelCounts(store, 'o2c');
    expect(o2c.events).toBeGreaterThan(1000);
    for (const [format, ext] of [
      ['json', 'json'],
      ['sqlite', 'sqlite'],
    ] as const) {
      const out = join(dir, `o2c.${ext}`);
      await exportOcel(store, 'o2c', out, format);
      await importOcel(store, out, { logId: `o2c-${format}` });
      const back = await ocelCounts(store, `o2c-${format}`);
      expect({ ...back, attribute_rows: 0 }).toEqual({ ...o2c, attribute_rows: 0 });
      expect(back.attribute_rows).toBeGreaterThan(0);
    }
  });
});
