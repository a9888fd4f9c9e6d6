import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../sql';
import { IngestError } from '../types';
import { dumpTable, INGEST_TABLES } from '../testing/store';
import { importXes } from './index';
import { dataset, MALFORMED } from './testing';

// Everything an XES import can write, except ingest_runs (a failed run is recorded, by design).
const TABLES = [...INGEST_TABLES.filter((t) => t !== 'ingest_runs'), 'log_attributes', 'activity_instances'];

async function dump(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) out[t] = await dumpTable(store, t);
  return out;
}

/** Imports `file` into a store already holding the running example; returns the error. */
async function failing(file: string, limits?: Parameters<typeof importXes>[2]['limits']): Promise<IngestError> {
  const store = await Store.open(':memory:');
  await importXes(store, dataset('running-example.xes'), { logId: 're' });
  const before = await dump(store);
  const err = await importXes(store, file, { logId: 're', limits }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngestError);
  expect(await dump(store)).toEqual(before);
  const runs = await store.sql<{ status: string; error: string }>(`SELECT status, error FROM ingest_runs ORDER BY started_at`);
  expect(runs.map((r) => r.status)).toEqual(['succeeded', 'failed']);
  return err as IngestError;
}

const EXPECTED: Record<string, RegExp> = {
  'truncated.xes': /truncated\.xes line \d+ column \d+: unclosed tag/,
  'truncated.xes.gz': /truncated\.xes\.gz: cannot decompress: .*truncated or corrupt/,
  'invalid.xes': /invalid\.xes line 8 column \d+: unexpected close tag/,
  'empty.xes': /empty\.xes: the file is empty/,
  'not-xes.xes': /not-xes\.xes line 2 column \d+: not an XES file: the root element is <html>/,
  'latin1-declared-utf8.xes': /latin1-declared-utf8\.xes.*not valid utf-8 \(wrong encoding\?\)/,
  'unknown-encoding.xes': /unknown-encoding\.xes: unsupported encoding "EBCDIC-CP-US"/,
  'deep-nesting.xes': /deep-nesting\.xes line 2 column \d+: aborted: elements nested deeper than 256 levels/,
  'zip-bomb.xes.gz': /zip-bomb\.xes\.gz line 3 column \d+: aborted: a single XML token is longer than/,
};

describe('malformed XES', () => {
  it('has an expectation for every file of the malformed corpus', () => {
    const files = readdirSync(MALFORMED).filter((f) => f !== 'impossible-timestamps.xes');
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, message] of Object.entries(EXPECTED)) {
    it(`ends ${name} in an IngestError naming the file and leaves the store unchanged`, async () => {
      const err = await failing(join(MALFORMED, name));
      expect(err.message).toMatch(message);
      expect(err.file).toContain(name);
    });
  }

  it('aborts a huge line at the token limit with an IngestError', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xes-')), 'huge-line.xes');
    writeFileSync(file, `<?xml version="1.0"?>\n<log><trace><string key="concept:name" value="${'x'.repeat(3 << 20)}"/></trace></log>\n`);
    const err = await failing(file, { maxTokenChars: 1 << 20 });
    expect(err.message).toMatch(/huge-line\.xes line 2 column \d+: aborted: a single XML token is longer than 1048576 characters/);
  });

  it('aborts a file that inflates past the size limit', async () => {
    const err = await failing(join(MALFORMED, 'zip-bomb.xes.gz'), { maxBytes: 4 << 20 });
    expect(err.message).toMatch(/aborted: more than 4194304 bytes of XML/);
  });

  it('rejects events with impossible or missing timestamps and activities, naming file, line and field', async () => {
    const store = await Store.open(':memory:');
    const r = await importXes(store, join(MALFORMED, 'impossible-timestamps.xes'), { logId: 'bad' });
    expect(r).toMatchObject({ status: 'succeeded', eventsAdded: 1, rowsRejected: 4 });
    const rejects = await store.sql<{ file: string; row_no: number; field: string; reason: string }>(
      `SELECT file, row_no, field, reason FROM rejects WHERE log_id = 'bad' ORDER BY row_no`,
    );
    expect(rejects.map((x) => [x.row_no, x.field])).toEqual([
      [5, 'time:timestamp'],
      [9, 'time:timestamp'],
      [13, 'time:timestamp'],
      [21, 'concept:name'],
    ]);
    expect(rejects[0].file).toBe('xes/impossible-timestamps.xes');
    expect(rejects[0].reason).toMatch(/impossible timestamp: "2021-02-30T10:00:00\+01:00": day 30 does not exist in month 2/);
    const [e] = await store.sql<{ ts: string }>(`SELECT ts::VARCHAR AS ts FROM events WHERE log_id = 'bad'`);
    expect(e.ts).toBe('2021-03-01 15:30:00.123');
  });
});
