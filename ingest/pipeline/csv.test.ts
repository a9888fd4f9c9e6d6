import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../types';
import { readCsv, splitCsvRecord, type CsvRow } from './csv';

async function readAll(text: string, required: string[] = []): Promise<CsvRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tl-csv-'));
  const path = join(dir, 'T.csv');
  writeFileSync(path, text);
  const rows: CsvRow[] = [];
  for await (const chunk of readCsv({ path, name: 'x/T.csv' }, required)) rows.push(...chunk);
  return rows;
}

describe('the CSV reader', () => {
  it('splits RFC 4180 records with quotes, doubled quotes and empty fields', () => {
    expect(splitCsvRecord('a,b,,c')).toEqual(['a', 'b', '', 'c']);
    expect(splitCsvRecord('"Baker, Lee & Sons",x')).toEqual(['Baker, Lee & Sons', 'x']);
    expect(splitCsvRecord('1,"Walsh\'s ""Best"" Co.",')).toEqual(['1', 'Walsh\'s "Best" Co.', '']);
    expect(typeof splitCsvRecord('"a"b,c')).toBe('string');
  });

  it('numbers rows with the header as row 1 and reads fields by column name', async () => {
    const rows = await readAll('A,B\n1,"x, y"\n\n2,z\r\n', ['A', 'B']);
    expect(rows.map((r) => [r.row, r.get('A'), r.get('B')])).toEqual([
      [2, '1', 'x, y'],
      [4, '2', 'z'],
    ]);
  });

  it('keeps a quoted newline inside its field and the record at its first line', async () => {
    const rows = await readAll('A,B\n1,"two\nlines"\n2,b\n');
    expect(rows.map((r) => [r.row, r.get('B')])).toEqual([
      [2, 'two\nlines'],
      [4, 'b'],
    ]);
  });

  it('marks a row with the wrong number of fields as malformed', async () => {
    const [row] = await readAll('A,B\n1,2,3\n');
    expect(row.malformed?.reason).toBe('3 fields where the header has 2');
  });

  it('fails the file when a required column is missing from the header', async () => {
    const err = await readAll('A,C\n1,2\n', ['A', 'B']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err).toMatchObject({ file: 'x/T.csv', row: 1, field: 'B' });
    expect((err as Error).message).toBe('wrong header in x/T.csv: missing column B');
  });

  it('fails an empty file and an unterminated quote', async () => {
    await expect(readAll('')).rejects.toThrow('empty file x/T.csv: no header row');
    await expect(readAll('A\n"open\n')).rejects.toThrow('unterminated quoted field in x/T.csv from row 2');
  });
});
