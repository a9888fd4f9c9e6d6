// Checks what arrives from outside (an imported file, a save from the editor) before it is stored.
// Errors name the cell by its number (1-based, as the page shows it) and the field.
import { CELL_ID, CHART_MARKS, LIMITS, RESULT_NAME, type Cell, type ChartSpec, type NotebookDoc } from './types';

export class NotebookInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotebookInputError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** A title trimmed, 1–120 characters. */
export function checkTitle(raw: unknown, where = 'title'): string {
  if (typeof raw !== 'string') throw new NotebookInputError(`The ${where} must be text.`);
  const title = raw.trim().replace(/\s+/g, ' ');
  if (title.length === 0) throw new NotebookInputError(`The ${where} is empty; give the notebook a name.`);
  if (title.length > LIMITS.titleChars) throw new NotebookInputError(`The ${where} has ${title.length} characters; at most ${LIMITS.titleChars}.`);
  return title;
}

function checkChart(raw: unknown, at: string): ChartSpec | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) throw new NotebookInputError(`${at}, field "chart": expected an object {mark, x, y?, color?, facet?} or null.`);
  if (!CHART_MARKS.includes(raw.mark as never)) {
    throw new NotebookInputError(`${at}, field "chart.mark": "${String(raw.mark)}" is not a mark; one of ${CHART_MARKS.join(', ')}.`);
  }
  const chart: ChartSpec = { mark: raw.mark as ChartSpec['mark'], x: '' };
  for (const key of ['x', 'y', 'color', 'facet'] as const) {
    const v = raw[key];
    if (v === undefined || v === null || v === '') {
      if (key === 'x') throw new NotebookInputError(`${at}, field "chart.x": a chart needs the column for x.`);
      continue;
    }
    if (typeof v !== 'string' || v.length > 300) throw new NotebookInputError(`${at}, field "chart.${key}": expected a column name (text, at most 300 characters).`);
    chart[key] = v;
  }
  return chart;
}

function checkCell(raw: unknown, n: number, ids: Map<string, number>): Cell {
  const at = `Cell ${n}`;
  if (!isObject(raw)) throw new NotebookInputError(`${at}: expected an object with id, kind and sql or text.`);
  if (typeof raw.id !== 'string' || !CELL_ID.test(raw.id)) {
    throw new NotebookInputError(`${at}, field "id": expected 1–${LIMITS.cellIdChars} letters, digits, _ or -; got ${JSON.stringify(raw.id)}.`);
  }
  const first = ids.get(raw.id);
  if (first !== undefined) throw new NotebookInputError(`${at}, field "id": "${raw.id}" is also the id of cell ${first}; cell ids must be unique.`);
  ids.set(raw.id, n);
  if (raw.kind === 'markdown') {
    if (typeof raw.text !== 'string') throw new NotebookInputError(`${at}, field "text": a markdown cell's text must be text.`);
    if (raw.text.length > LIMITS.markdownChars) {
      throw new NotebookInputError(`${at}, field "text": ${raw.text.length} characters; a markdown cell holds at most ${LIMITS.markdownChars}.`);
    }
    return { id: raw.id, kind: 'markdown', text: raw.text };
  }
  if (raw.kind !== 'sql') throw new NotebookInputError(`${at}, field "kind": expected "sql" or "markdown"; got ${JSON.stringify(raw.kind)}.`);
  if (typeof raw.sql !== 'string') throw new NotebookInputError(`${at}, field "sql": a SQL cell's statement must be text.`);
  const bytes = utf8Bytes(raw.sql);
  if (bytes > LIMITS.sqlBytes) {
    throw new NotebookInputError(`${at}, field "sql": ${Math.ceil(bytes / 1000)} kB; a SQL cell holds at most ${LIMITS.sqlBytes / 1000} kB.`);
  }
  const cell: Cell = { id: raw.id, kind: 'sql', sql: raw.sql };
  if (raw.name !== undefined && raw.name !== null && raw.name !== '') {
    if (typeof raw.name !== 'string' || !RESULT_NAME.test(raw.name)) {
      throw new NotebookInputError(
        `${at}, field "name": ${JSON.stringify(raw.name)} is not a result name; use a letter or _ followed by letters, digits or _ (at most 63).`,
      );
    }
    cell.name = raw.name;
  }
  const chart = checkChart(raw.chart, at);
  if (chart) cell.chart = chart;
  return cell;
}

/**
 * The cells of a notebook, checked. Duplicate result names are allowed here (a name is often
 * half-typed while autosave runs); running a cell that depends on them says which cells clash.
 */
export function checkCells(raw: unknown): Cell[] {
  if (!Array.isArray(raw)) throw new NotebookInputError('The field "cells" must be a list of cells.');
  if (raw.length > LIMITS.cells) throw new NotebookInputError(`The notebook has ${raw.length} cells; at most ${LIMITS.cells}.`);
  const ids = new Map<string, number>();
  return raw.map((c, i) => checkCell(c, i + 1, ids));
}

/** An imported `.tlnb.json` file, checked; accepts the parsed JSON or its text. */
export function parseDoc(raw: unknown): NotebookDoc {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (err) {
      throw new NotebookInputError(`The file is not JSON: ${err instanceof Error ? err.message : String(err)}.`);
    }
  }
  if (!isObject(value)) throw new NotebookInputError('The file is not a notebook: expected a JSON object {format, version, title, cells}.');
  if (value.format !== 'throughline-notebook') {
    throw new NotebookInputError(`The file is not a Throughline notebook: field "format" is ${JSON.stringify(value.format)}, expected "throughline-notebook".`);
  }
  if (value.version !== 1) throw new NotebookInputError(`Field "version" is ${JSON.stringify(value.version)}; this server reads notebook files of version 1.`);
  return { format: 'throughline-notebook', version: 1, title: checkTitle(value.title, 'field "title"'), cells: checkCells(value.cells) };
}

/** The export file of a notebook. */
export function toDoc(title: string, cells: Cell[]): NotebookDoc {
  return { format: 'throughline-notebook', version: 1, title, cells };
}
