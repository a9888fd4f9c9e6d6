// Malformed OCEL inputs (fixtures/malformed/ocel/README.md): each ends in an IngestError that names
// the file and where in it, is recorded as a failed run, and leaves the stored data as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../sql';
import { IngestError } from '../types';
import { dumpTable, INGEST_TABLES } from '../testing/store';
import { importOcel } from './index';
import { dataset, malformed } from './testing';

/** file, and what the error must say about where (row/field), as a pattern over `row|field|message`. */
const CASES: [file: string, where: RegExp][] = [
  ['truncated.jsonocel', /^278\|\|.*truncated JSON \(the document ends early\) at line 278/],
  ['invalid.jsonocel', /^117\|\|.*invalid JSON at line 117: unexpected "," in the "objects" array/],
  ['empty.jsonocel', /the file is empty/],
  ['utf16.jsonocel', /UTF-16/],
  ['invalid-utf8.jsonocel', /^\d+\|encoding\|.*not valid UTF-8 \(line \d+\)/],
  ['missing-key.jsonocel', /\|events\|.*missing or invalid key "events"/],
  ['impossible-time.jsonocel', /^3\|events\[2\]\.time\|.*impossible timestamp/],
  ['unknown-object.jsonocel', /^5\|events\[4\]\|.*unknown object "NOPE"/],
  ['duplicate-id.jsonocel', /^4\|objects\[3\]\|.*duplicate object id/],
  ['wrong-value-type.jsonocel', /\|objects\[\d+\]\.attributes\[1\]\|.*float expected, got "lots"/],
  ['truncated.jsonocel.gz', /cannot inflate/],
  ['bomb.jsonocel.gz', /inflates to more than the limit/],
  ['truncated.xmlocel', /^134\|\|.*truncated or invalid XML: 134:6: unclosed tag/],
  ['invalid.xmlocel', /^141\|\|.*invalid XML: 141:11: unexpected close tag/],
  ['empty.xmlocel', /the file is empty/],
  ['latin1.xmlocel', /^1\|encoding\|.*unsupported encoding "ISO-8859-1"/],
  ['impossible-time.xmlocel', /^134\|<event> time\|.*impossible timestamp/],
  ['not-ocel.xmlocel', /\|log\|.*not an OCEL 2.0 XML document/],
  ['missing-table.sqlite', /\|event_object\|.*missing table "event_object"/],
  ['impossible-time.sqlite', /^\d+\|event_CreatePurchaseOrder\.ocel_time\|.*impossible timestamp/],
  ['not-sqlite.sqlite', /not a readable SQLite database/],
  ['truncated.sqlite', /truncated\.sqlite/],
  ['empty.sqlite', /the file is empty/],
];

const DATA_TABLES = INGEST_TABLES.filter((t) => t !== 'ingest_runs');

let store: Store;

async function snapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of DATA_TABLES) out[t] = await dumpTable(store, t);
  return out;
}

beforeAll(async () => {
  store = await Store.open(':memory:');
  await importOcel(store, dataset('ocel20_example.jsonocel'), { logId: 'ocel' });
});

afterAll(() => store?.close());

describe('malformed OCEL files', () => {
  for (const [file, where] of CASES) {
    it(`${file} ends in an IngestError naming the file and where, and changes no stored data`, async () => {
      const path = malformed(file);
      const before = await snapshot();
      const [{ n: runsBefore }] = await store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM ingest_runs WHERE status = 'failed'");
      for (const logId of ['ocel', 'fresh']) {
        const err = await importOcel(store, path, { logId }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(IngestError);
        const e = err as IngestError;
        expect(e.file).toBe(path);
        expect(e.message).toContain(path);
        expect(`${e.row ?? ''}|${e.field ?? ''}|${e.message}`).toMatch(where);
        expect(e.result).toMatchObject({ status: 'failed', logId, sourceKind: 'ocel' });
      }
      expect(await snapshot()).toEqual(before);
      const [{ n: runsAfter }] = await store.sql<{ n: number }>("SELECT count(*)::INTEGER AS n FROM ingest_runs WHERE status = 'failed'");
      expect(runsAfter).toBe(runsBefore + 2);
    });
  }

  it('an unknown file extension is an IngestError too', async () => {
    await expect(importOcel(store, malformed('README.md'), { logId: 'ocel' })).rejects.toThrow(/unknown OCEL file type/);
  });

  it('an OCEL file cannot be imported into the o2c log', async () => {
    await store.sql("INSERT INTO logs (log_id, name, kind) VALUES ('o2c', 'Order to cash', 'o2c')");
    await expect(importOcel(store, dataset('ocel20_example.jsonocel'), { logId: 'o2c' })).rejects.toThrow(/is a o2c log/);
  });
});
