// Timestamps, attribute values and JSON error positions of the OCEL readers.
import { describe, expect, it } from 'vitest';
import { IngestError } from '../types';
import { locateJsonError } from './json-locate';
import { JsonSplitter, type Piece } from './json-stream';
import { normValue, parseTime } from './model';

const at = { row: 1, field: 'time' };
const iso = (raw: string, zone?: string): string => new Date(parseTime(raw, 'f', at, { naiveTimeZone: zone })).toISOString();

describe('OCEL timestamps', () => {
  it('reads offsets, Z and times without offset (UTC unless a zone is given)', () => {
    expect(iso('2023-04-03T12:08:18+02:00')).toBe('2023-04-03T10:08:18.000Z');
    expect(iso('2022-01-09T14:00:00Z')).toBe('2022-01-09T14:00:00.000Z');
    expect(iso('2022-01-09 15:00:00')).toBe('2022-01-09T15:00:00.000Z');
    expect(iso('2022-01-09T15:00:00', 'Europe/Berlin')).toBe('2022-01-09T14:00:00.000Z');
    expect(iso('1970-01-01T00:00:00Z')).toBe('1970-01-01T00:00:00.000Z');
    expect(iso('2022-01-09T15:00:00.5-0130')).toBe('2022-01-09T16:30:00.500Z');
  });

  it('rejects impossible dates and times with an IngestError naming the field', () => {
    for (const raw of ['2022-02-30T10:00:00Z', '2022-13-01T00:00:00Z', '2022-01-01T24:00:00Z', '2022-01-01T10:60:00Z', 'yesterday', '']) {
      expect(() => parseTime(raw, 'f', at, {})).toThrow(IngestError);
    }
    expect(() => parseTime('2023-02-29T00:00:00Z', 'f', at, {})).toThrow(/impossible timestamp/);
    expect(iso('2024-02-29T00:00:00Z')).toBe('2024-02-29T00:00:00.000Z');
  });
});

describe('OCEL attribute values', () => {
  it('normalises values by their declared type', () => {
    expect(normValue('3599.99', 'float', 'f', at, {})).toBe(3599.99);
    expect(normValue(12, 'string', 'f', at, {})).toBe('12');
    expect(normValue('true', 'boolean', 'f', at, {})).toBe(true);
    expect(normValue('', 'float', 'f', at, {})).toBeNull();
    expect(normValue('2022-01-09T15:00:00+01:00', 'time', 'f', at, {})).toBe('2022-01-09T14:00:00.000Z');
    expect(() => normValue('lots', 'integer', 'f', at, {})).toThrow(/integer expected/);
  });
});

describe('JSON error positions', () => {
  it('finds the first syntax error or the early end of a document', () => {
    expect(locateJsonError('{"a": [1, 2,, 3]}')).toEqual({ offset: 12, truncated: false });
    expect(locateJsonError('{"a": [1, 2')).toEqual({ offset: 11, truncated: true });
    expect(locateJsonError('{"a": "xy')).toEqual({ offset: 9, truncated: true });
    expect(locateJsonError('{"a": 1} x')).toEqual({ offset: 9, truncated: false });
    expect(locateJsonError('{"a": tru')).toEqual({ offset: 9, truncated: true });
  });
});

describe('the streaming JSON splitter', () => {
  const doc = JSON.stringify(
    {
      eventTypes: [{ name: 'a {[', attributes: [] }],
      meta: { skipped: ['}', '"'] },
      objectTypes: [],
      objects: [{ id: 'o"1', type: 't', attributes: [{ name: 'x', value: 'br}ace\\' }] }],
      events: [{ id: 'e1', type: 'a {[', time: '2022-01-01T00:00:00Z', relationships: [{ objectId: 'o"1', qualifier: '' }] }],
      n: 1.5,
    },
    null,
    1,
  );
  const split = (size: number): Piece[] => {
    const out: Piece[] = [];
    const s = new JsonSplitter(new Set(['objects', 'events']), new Set(['objectTypes', 'eventTypes']), (p) => out.push(p));
    for (let i = 0; i < doc.length; i += size) s.write(doc.slice(i, i + size));
    s.end();
    return out;
  };

  it('hands over the type lists and each record, whatever the chunk size', () => {
    const whole = split(doc.length);
    expect(whole.map((p) => [p.key, p.index])).toEqual([
      ['eventTypes', null],
      ['objectTypes', null],
      ['objects', 0],
      ['events', 0],
    ]);
    expect(JSON.parse(whole[2].text)).toEqual({ id: 'o"1', type: 't', attributes: [{ name: 'x', value: 'br}ace\\' }] });
    for (const size of [1, 2, 3, 7, 64]) expect(split(size)).toEqual(whole);
  });

  it('reports structural errors with their line and a cut-off document as truncated', () => {
    const run = (text: string): unknown => {
      const s = new JsonSplitter(new Set(['events']), new Set(), () => undefined);
      try {
        s.write(text);
        s.end();
        return null;
      } catch (err) {
        return err;
      }
    };
    expect(run('{"events": [\n{}\n{}]}')).toMatchObject({ line: 3, truncated: false });
    expect(run('{"events": [{}, {"a": [1, 2')).toMatchObject({ line: 1, truncated: true });
    expect(run('[1, 2]')).toMatchObject({ line: 1, truncated: false });
    expect(run('{"events": []} x')).toMatchObject({ truncated: false });
  });
});
