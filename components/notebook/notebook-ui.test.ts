// The notebook's pure UI logic: reading an Arrow result (kinds, cell text, values for Plot), the
// first chart offered for a result, result-name checks, "how long ago" and the editor's completion.
import { DateDay, Float64, Int64, Table, TimestampMillisecond, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../notebooks/types';
import { defaultChart, describeChart, facetValues, missingColumns } from './chart-spec';
import { formatSql } from './format-sql';
import { relativeTime } from './relative-time';
import { resultNameProblem } from './result-name';
import { displayValue, kindOfType, plotRows, resultColumns } from './result-values';
import { completionNamespace, macroCompletions } from './sql-language';

// What the run route sends: an Arrow IPC stream, decoded as the browser does.
function result() {
  const t = new Table({
    month: vectorFromArray([new Date('2025-01-01T00:00:00Z'), new Date('2025-02-01T00:00:00Z'), null], new TimestampMillisecond()),
    day: vectorFromArray([new Date('2025-01-02T00:00:00Z'), null, null], new DateDay()),
    segment: vectorFromArray(['KA', 'MM', null], new Utf8()),
    orders: vectorFromArray([1234567n, 3n, null], new Int64()),
    dso: vectorFromArray([41.25, 0.0000123, null], new Float64()),
  });
  const table = tableFromIPC(tableToIPC(t, 'stream'));
  const declared = [
    { name: 'month', type: 'TIMESTAMP' },
    { name: 'day', type: 'DATE' },
    { name: 'segment', type: 'VARCHAR' },
    { name: 'orders', type: 'BIGINT' },
    { name: 'dso', type: 'DECIMAL(18,3)' },
  ];
  return { table, columns: resultColumns(table, declared) };
}

describe('an Arrow result', () => {
  it('knows each column kind from the DuckDB type, else from the Arrow type', () => {
    const { table, columns } = result();
    expect(columns.map((c) => c.kind)).toEqual(['time', 'date', 'text', 'integer', 'number']);
    expect(resultColumns(table).map((c) => c.kind)).toEqual(['time', 'date', 'text', 'integer', 'number']);
    expect(kindOfType('TIMESTAMP WITH TIME ZONE')).toBe('time');
    expect(kindOfType('HUGEINT')).toBe('integer');
    expect(kindOfType('STRUCT(a INTEGER)')).toBe('other');
  });

  it('writes cells in en-US and UTC, and null as null', () => {
    const { table, columns } = result();
    const text = (col: number, row: number) => displayValue(table.getChildAt(col)?.get(row), columns[col].kind);
    expect(text(0, 0)).toBe('2025-01-01 00:00:00');
    expect(text(1, 0)).toBe('2025-01-02');
    expect(text(3, 0)).toBe('1,234,567');
    expect(text(4, 0)).toBe('41.25');
    expect(text(4, 1)).toBe('1.230e-5');
    expect(text(2, 2)).toBeNull();
    expect(text(3, 2)).toBeNull();
    expect(displayValue(1234.56789, 'number')).toBe('1,234.5679');
    expect(displayValue(Date.parse('2025-03-04T05:06:07.089Z'), 'time')).toBe('2025-03-04 05:06:07.089');
    expect(displayValue(true, 'boolean')).toBe('true');
  });

  it('hands Plot numbers and Dates', () => {
    const { table, columns } = result();
    const rows = plotRows(table, columns, ['month', 'orders']);
    expect(rows[0]).toEqual({ month: new Date('2025-01-01T00:00:00Z'), orders: 1234567 });
    expect(rows[2]).toEqual({ month: null, orders: null });
    expect(Object.keys(rows[1])).toEqual(['month', 'orders']);
  });
});

describe('the first chart of a result', () => {
  it('puts time on x and the first number on y, as a line coloured by a text column', () => {
    const { columns } = result();
    expect(defaultChart(columns)).toEqual({ mark: 'line', x: 'month', y: 'orders', color: 'segment' });
  });
  it('draws bars over categories and dots for number against number', () => {
    const cols = [
      { name: 'warehouse', type: 'VARCHAR', kind: 'text' as const },
      { name: 'hours', type: 'DOUBLE', kind: 'number' as const },
    ];
    expect(defaultChart(cols)).toEqual({ mark: 'bar', x: 'warehouse', y: 'hours' });
    const nums = [
      { name: 'a', type: 'DOUBLE', kind: 'number' as const },
      { name: 'b', type: 'BIGINT', kind: 'integer' as const },
    ];
    expect(defaultChart(nums)).toEqual({ mark: 'dot', x: 'a', y: 'b' });
    expect(defaultChart([])).toBeNull();
  });
  it('names the columns a stored chart misses and describes a chart in words', () => {
    const { columns } = result();
    expect(missingColumns({ mark: 'bar', x: 'segment', y: 'revenue', facet: 'region' }, columns)).toEqual(['revenue', 'region']);
    expect(describeChart({ mark: 'cell', x: 'segment', color: 'orders', facet: 'month' })).toBe('Cell chart of row count by segment, coloured by orders, one panel per month');
  });
  it('keeps the most frequent facet values', () => {
    const values = Array.from({ length: 20 }, (_, i) => Array.from({ length: i + 1 }, () => `v${i}`)).flat();
    const { shown, total } = facetValues(values);
    expect(total).toBe(20);
    expect(shown).toHaveLength(12);
    expect(shown[0]).toBe('v19');
  });
});

describe('result names', () => {
  const cells: Cell[] = [
    { id: 'a', kind: 'sql', sql: 'select 1', name: 'orders_by_month' },
    { id: 'b', kind: 'markdown', text: 'x' },
    { id: 'c', kind: 'sql', sql: 'select 2' },
  ];
  it('accepts identifiers not used by another cell, and no name', () => {
    expect(resultNameProblem('late_invoices', cells, 'c')).toBeNull();
    expect(resultNameProblem('', cells, 'c')).toBeNull();
    expect(resultNameProblem('orders_by_month', cells, 'a')).toBeNull();
  });
  it('says what is wrong otherwise', () => {
    expect(resultNameProblem('1st', cells, 'c')).toMatch(/starts with a letter/);
    expect(resultNameProblem('late-invoices', cells, 'c')).toMatch(/Letters, digits and _/);
    expect(resultNameProblem('x'.repeat(64), cells, 'c')).toMatch(/63/);
    expect(resultNameProblem('Orders_By_Month', cells, 'c')).toBe('Cell 1 already names its result “orders_by_month”.');
  });
});

describe('small words', () => {
  it('says how long ago', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(relativeTime('2026-03-10T11:59:30Z', now)).toBe('just now');
    expect(relativeTime('2026-03-10T11:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2026-03-10T09:00:00Z', now)).toBe('3 h ago');
    expect(relativeTime('2026-03-09T09:00:00Z', now)).toBe('yesterday');
    expect(relativeTime('2026-02-20T09:00:00Z', now)).toBe('18 days ago');
    expect(relativeTime('2025-12-01T09:00:00Z', now)).toBe('1 Dec 2025');
  });
  it('formats SQL in the DuckDB dialect and says why it cannot', () => {
    expect(formatSql('select segment, count(*) from cases group by all')).toEqual({ sql: 'SELECT\n  segment,\n  count(*)\nFROM\n  cases\nGROUP BY ALL' });
    const bad = formatSql('select (');
    expect('error' in bad && bad.error).toMatch(/^Cannot format: Parse error/);
    expect('error' in bad && bad.error.includes('\n')).toBe(false);
  });
});

describe('completion', () => {
  const schema = {
    tables: [{ name: 'events', kind: 'table' as const, description: 'Every event', columns: [{ name: 'case_id', type: 'VARCHAR' }] }],
    macros: [{ name: 'tl_dfg', kind: 'table' as const, parameters: ['log', 'persp'], description: 'Directly-follows graph' }],
  };
  it('offers tables with their columns and earlier results by name', () => {
    const ns = completionNamespace(schema, [{ name: 'late', cell: 2, columns: [{ name: 'hours', type: 'DOUBLE' }] }]) as Record<string, { self: { label: string; detail: string }; children: { label: string }[] }>;
    expect(Object.keys(ns)).toEqual(['events', 'late']);
    expect(ns.events.children.map((c) => c.label)).toEqual(['case_id']);
    expect(ns.late.self.detail).toBe('result of cell 2');
    expect(ns.late.children.map((c) => c.label)).toEqual(['hours']);
  });
  it('offers the process macros with their parameters', () => {
    const [m] = macroCompletions(schema);
    expect(m.label).toBe('tl_dfg');
    expect(m.detail).toBe('(log, persp) table macro');
  });
});
