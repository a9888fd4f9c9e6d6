// CSV / Parquet import: the running example gives the published figures, detection finds
// delimiters and timestamp formats (overridable), Parquet round-trips, and every malformed input
// ends in a clear error (store unchanged) or in rejects naming file, row and field.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCaseViews } from '../../mining';
import { Store } from '../../sql';
import { INGEST_TABLES, dumpTable } from '../testing/store';
import { IngestError } from '../types';
import { importTable, previewTable, sniffDelimiter, MAX_LINE_BYTES, type ColumnMapping } from './index';

const DATASETS = process.env.THROUGHLINE_DATASETS ?? join(process.cwd(), '..', 'shared', 'datasets');
const RUNNING = join(DATASETS, 'running-example.csv');
const MALFORMED = join(process.cwd(), 'fixtures', 'malformed', 'csv');
const RX: ColumnMapping = { case: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp', resource: 'org:resource', attributes: ['Costs'] };
const SIMPLE: ColumnMapping = { case: 'case', activity: 'activity', timestamp: 'time' };

let dir: string;
const stores: Store[] = [];
async function freshStore(): Promise<Store> {
  const s = await Store.open(':memory:');
  stores.push(s);
  return s;
}
function write(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tl-csv-'));
});
afterAll(() => {
  for (const s of stores) s.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Figures {
  cases: number;
  events: number;
  activities: number;
  variants: number;
  edges: number;
  lengths: number[];
}

async function figures(store: Store, logId: string): Promise<Figures> {
  await refreshCaseViews(store, logId);
  const [t] = await store.sql<{ cases: number; events: number; activities: number }>(
    `SELECT count(DISTINCT case_id)::INTEGER AS cases, count(*)::INTEGER AS events, count(DISTINCT activity)::INTEGER AS activities
     FROM case_events WHERE log_id = $l`,
    { l: logId },
  );
  const [v] = await store.sql<{ variants: number }>(
    `SELECT count(DISTINCT v)::INTEGER AS variants FROM (SELECT string_agg(activity, '>' ORDER BY seq) AS v FROM case_trace WHERE log_id = $l GROUP BY case_id)`,
    { l: logId },
  );
  const [e] = await store.sql<{ edges: number }>(
    `SELECT count(*)::INTEGER AS edges FROM (SELECT DISTINCT a.activity, b.activity FROM case_trace a JOIN case_trace b
       ON a.log_id = b.log_id AND a.case_id = b.case_id AND a.perspective = b.perspective AND b.seq = a.seq + 1 WHERE a.log_id = $l)`,
    { l: logId },
  );
  const lengths = await store.sql<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM case_trace WHERE log_id = $l GROUP BY case_id ORDER BY min(event_seq)`,
    { l: logId },
  );
  return { ...t, ...v, ...e, lengths: lengths.map((x) => x.n) };
}

const PUBLISHED: Figures = { cases: 6, events: 42, activities: 8, variants: 6, edges: 16, lengths: [9, 5, 5, 5, 13, 5] };

describe('the running example', () => {
  it('previews with the columns, detected settings and parsed timestamps', async () => {
    const store = await freshStore();
    const p = await previewTable(store, RUNNING);
    expect(p.delimiter).toBe(',');
    expect(p.delimiterDetected).toBe(true);
    expect(p.timestampFormat).toBe('iso');
    expect(p.mapping).toMatchObject({ case: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp', resource: 'org:resource' });
    expect(p.totalRows).toBe(42);
    expect(p.rejectedRows).toBe(0);
    expect(p.problems).toEqual([]);
    expect(p.rows[0]).toMatchObject({ row: 2, case: '3', activity: 'register request', timestamp: '2010-12-30T13:32:00Z', resource: 'Pete' });
    expect(await store.sql('SELECT * FROM events')).toEqual([]); // nothing written
  });

  it('imports with the published figures, and a second import is all duplicates', async () => {
    const store = await freshStore();
    const r = await importTable(store, RUNNING, RX, { logId: 'rx', name: 'Running example' });
    expect(r).toMatchObject({ status: 'succeeded', sourceKind: 'csv', rowsRead: 42, rowsLoaded: 42, rowsRejected: 0, eventsAdded: 42, objectsAdded: 6 });
    expect(await figures(store, 'rx')).toEqual(PUBLISHED);
    const [log] = await store.sql<{ kind: string; name: string }>(`SELECT kind, name FROM logs WHERE log_id = 'rx'`);
    expect(log).toEqual({ kind: 'csv', name: 'Running example' });
    const [ev] = await store.sql<{ user_id: string; ts: string; attrs: string; obj: string }>(
      `SELECT e.user_id, strftime(e.ts, '%Y-%m-%d %H:%M:%S') AS ts, e.attrs::VARCHAR AS attrs, eo.object_id AS obj
       FROM events e JOIN event_object eo USING (log_id, event_id) WHERE e.log_id = 'rx' ORDER BY e.seq LIMIT 1`,
    );
    expect(ev).toEqual({ user_id: 'Pete', ts: '2010-12-30 13:32:00', attrs: '{"Costs":"50"}', obj: 'case:3' });
    const again = await importTable(store, RUNNING, RX, { logId: 'rx' });
    expect(again).toMatchObject({ status: 'succeeded', eventsAdded: 0, objectsAdded: 0, rowsDuplicate: 42 });
  });

  it('round-trips through Parquet written by DuckDB COPY', async () => {
    const store = await freshStore();
    const pq = join(dir, 'running-example.parquet');
    await store.sql(`COPY (SELECT * FROM read_csv('${RUNNING.replaceAll("'", "''")}', header = true)) TO '${pq}' (FORMAT parquet)`);
    const p = await previewTable(store, pq);
    expect(p.format).toBe('parquet');
    expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
    expect(p.rows[0]).toMatchObject({ row: 1, timestamp: '2010-12-30T13:32:00Z' });
    const r = await importTable(store, pq, RX, { logId: 'pq' });
    expect(r).toMatchObject({ status: 'succeeded', sourceKind: 'parquet', eventsAdded: 42, objectsAdded: 6 });
    expect(await figures(store, 'pq')).toEqual(PUBLISHED);
  });
});

describe('detection', () => {
  it('sniffs comma, semicolon, tab and pipe, quotes respected', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('a;b;c\n"1,5";2;3\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
    expect(sniffDelimiter('a|b\n1|2\n')).toBe('|');
  });

  it('reads a semicolon file with day-first dates, and a tab file with epoch seconds', async () => {
    const store = await freshStore();
    const semi = write('semi.csv', 'case;activity;time;who\nc1;A;13/01/2023 09:30;ann\nc1;B;14/01/2023 10:00;bob\nc2;A;02/01/2023 08:00;ann\n');
    const p = await previewTable(store, semi);
    expect(p).toMatchObject({ delimiter: ';', timestampFormat: 'dmy' });
    expect(p.rows.map((r) => r.timestamp)).toEqual(['2023-01-13T09:30:00Z', '2023-01-14T10:00:00Z', '2023-01-02T08:00:00Z']);
    const r = await importTable(store, semi, { ...SIMPLE, resource: 'who' }, { logId: 'semi' });
    expect(r).toMatchObject({ eventsAdded: 3, objectsAdded: 2, rowsRejected: 0 });

    const tab = write('tab.tsv', 'case\tactivity\ttime\nc1\tA\t1672531200\nc1\tB\t1672617600\n');
    const t = await previewTable(store, tab);
    expect(t).toMatchObject({ delimiter: '\t', timestampFormat: 'epoch_s' });
    expect(t.rows[0].timestamp).toBe('2023-01-01T00:00:00Z');
    const ms = write('ms.csv', 'case,activity,time\nc1,A,1672531200000\n');
    expect((await previewTable(store, ms)).timestampFormat).toBe('epoch_ms');
  });

  it('warns when dates read both ways, and takes the explicit override', async () => {
    const store = await freshStore();
    const amb = write('amb.csv', 'case,activity,time\nc1,A,01/02/2023 10:00\nc1,B,03/04/2023 10:00\n');
    const p = await previewTable(store, amb);
    expect(p.timestampFormat).toBe('dmy');
    expect(p.problems.some((x) => x.severity === 'warning' && /day-first/.test(x.message))).toBe(true);
    const us = await previewTable(store, amb, { timestampFormat: 'mdy' });
    expect(us.timestampFormatDetected).toBe(false);
    expect(us.rows[0].timestamp).toBe('2023-01-02T10:00:00Z');
    const custom = await previewTable(store, amb, { timestampFormat: '%m/%d/%Y %H:%M' });
    expect(custom.rows[1].timestamp).toBe('2023-03-04T10:00:00Z');
    const delim = await previewTable(store, amb, { ...SIMPLE, delimiter: ';' });
    expect(delim.columns).toEqual(['case,activity,time']);
    expect(delim.problems.some((x) => x.severity === 'error' && x.field === 'case')).toBe(true);
  });

  it('reads local times in the given zone, offsets as given, and keeps the start timestamp on the event', async () => {
    const store = await freshStore();
    const f = write('tz.csv', 'case,activity,start,end\nc1,A,2023-07-01 09:00:00,2023-07-01 10:00:00\nc1,B,2023-07-01 10:30:00+00:00,2023-07-01 11:00:00+00:00\n');
    const m: ColumnMapping = { case: 'case', activity: 'activity', timestamp: 'end', startTimestamp: 'start', timezone: 'Europe/Amsterdam' };
    const p = await previewTable(store, f, m);
    expect(p.rows.map((r) => [r.startTimestamp, r.timestamp])).toEqual([
      ['2023-07-01T07:00:00Z', '2023-07-01T08:00:00Z'],
      ['2023-07-01T10:30:00Z', '2023-07-01T11:00:00Z'],
    ]);
    await importTable(store, f, m, { logId: 'tz' });
    const rows = await store.sql<{ a: string }>(`SELECT attrs->>'start_ts' AS a FROM events WHERE log_id = 'tz' ORDER BY seq`);
    expect(rows.map((r) => r.a)).toEqual(['2023-07-01T07:00:00.000Z', '2023-07-01T10:30:00.000Z']);
    await expect(importTable(store, f, { ...m, timezone: 'Mars/Olympus' }, { logId: 'tz' })).rejects.toMatchObject({ field: 'timezone' });
  });
});

describe('malformed inputs', () => {
  async function dumpAll(store: Store): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const t of INGEST_TABLES) if (t !== 'ingest_runs') out[t] = await dumpTable(store, t);
    return out;
  }
  async function loadedStore(): Promise<Store> {
    const store = await freshStore();
    await importTable(store, RUNNING, RX, { logId: 'rx' });
    return store;
  }

  const ERRORS: [string, RegExp, number | null, string | null][] = [
    ['empty.csv', /empty \(0 bytes\)/, null, null],
    ['blank-lines.csv', /empty \(only blank lines\)/, null, null],
    ['header-only.csv', /header but no rows/, null, null],
    ['missing-column.csv', /timestamp column "time" is not in the file/, 1, 'time'],
    ['no-timestamp-format.csv', /no known timestamp format reads "time"/, null, 'time'],
    ['not-a-table.xlsx', /not a CSV .* or Parquet/, null, null],
    ['broken.parquet', /cannot read broken\.parquet/, null, null],
  ];
  for (const [name, message, row, field] of ERRORS) {
    it(`${name}: a clear error naming the file, nothing stored`, async () => {
      const store = await loadedStore();
      const before = await dumpAll(store);
      // Into the existing log and into a new one: neither changes anything stored.
      for (const logId of ['rx', 'fresh']) {
        const err = await importTable(store, join(MALFORMED, name), SIMPLE, { logId }).then(() => null, (e: unknown) => e);
        expect(err).toBeInstanceOf(IngestError);
        const e = err as IngestError;
        expect(e.message).toMatch(message);
        expect(e.file).toBe(name);
        expect(e.row).toBe(row);
        expect(e.field).toBe(field);
        expect(e.result?.status).toBe('failed');
      }
      expect(await dumpAll(store)).toEqual(before);
      const [{ n }] = await store.sql<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ingest_runs WHERE status = 'failed'`);
      expect(n).toBe(2);
      // The preview reports the same problem instead of throwing.
      const p = await previewTable(store, join(MALFORMED, name), SIMPLE);
      expect(p.problems.some((x) => x.severity === 'error' && message.test(x.message))).toBe(true);
    });
  }

  const REJECTS: [string, [number, string | null, RegExp][], number][] = [
    ['impossible-timestamp.csv', [[3, 'time', /2023-02-30/], [4, 'time', /25:61/]], 2],
    ['latin1.csv', [[3, 'activity', /not UTF-8/]], 2],
    ['ragged.csv', [[3, null, /Expected Number of Columns: 3 Found: 2/], [4, null, /Found: 4/]], 2],
    ['empty-fields.csv', [[2, 'case', /case id is empty/], [3, 'activity', /activity is empty/], [4, 'time', /timestamp is empty/]], 1],
  ];
  for (const [name, expected, loaded] of REJECTS) {
    it(`${name}: the bad rows are rejects naming file, row and field; the good ones load`, async () => {
      const store = await freshStore();
      const p = await previewTable(store, join(MALFORMED, name), SIMPLE);
      expect(p.rejectedRows).toBe(expected.length);
      const r = await importTable(store, join(MALFORMED, name), SIMPLE, { logId: 'm' });
      expect(r).toMatchObject({ status: 'succeeded', rowsRejected: expected.length, eventsAdded: loaded });
      expect(r.rejectSamples).toHaveLength(expected.length);
      for (const [i, [row, field, reason]] of expected.entries()) {
        const s = r.rejectSamples[i];
        expect(s.file).toBe(name);
        expect(s.row).toBe(row);
        if (field) expect(s.field).toBe(field);
        expect(s.reason).toMatch(reason);
        const pr = p.problems.find((x) => x.row === row);
        expect(pr?.message).toMatch(reason);
      }
      const stored = await store.sql<{ row_no: number; raw: string }>(`SELECT row_no, raw FROM rejects WHERE log_id = 'm' ORDER BY row_no`);
      expect(stored.map((x) => x.row_no)).toEqual(expected.map((x) => x[0]));
      for (const s of stored) expect(s.raw.length).toBeGreaterThan(0);
      // Row numbers of the good rows stay right after rejected lines (events keep their file row).
      const keys = await store.sql<{ k: string }>(`SELECT source_key AS k FROM events WHERE log_id = 'm' ORDER BY seq`);
      for (const k of keys) expect(expected.map((x) => `${name}:${x[0]}`)).not.toContain(k.k);
    });
  }

  it('a line longer than the limit is a reject, not a crash', async () => {
    const store = await freshStore();
    const f = write('huge.csv', `case,activity,time\nc1,A,2023-01-01 10:00:00\nc1,${'x'.repeat(MAX_LINE_BYTES + 10)},2023-01-02 10:00:00\nc1,C,2023-01-03 10:00:00\n`);
    const r = await importTable(store, f, SIMPLE, { logId: 'h' });
    expect(r).toMatchObject({ status: 'succeeded', eventsAdded: 2, rowsRejected: 1 });
    expect(r.rejectSamples[0]).toMatchObject({ file: 'huge.csv', row: 3 });
    expect(r.rejectSamples[0].reason).toMatch(/longer than/);
  });

  it('refuses to import a table into an O2C log', async () => {
    const store = await freshStore();
    await store.transaction((tx) => tx.query('ingest/ensure_log', { log_id: 'o2c', name: 'Order to cash', kind: 'o2c' }));
    await expect(importTable(store, RUNNING, RX, { logId: 'o2c' })).rejects.toMatchObject({ field: 'logId' });
  });
});
