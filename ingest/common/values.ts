// Parsing of source field values into numbers and UTC instants, with the reject reasons a person
// can act on: `impossible date "20250231" in ERDAT`.
import { RowReject } from './reject';
import { endOfLocalDay, localToUtc } from './time';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

function checkDate(year: number, month: number, day: number, raw: string, field: string): LocalDate {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1900 || year > 2999) {
    throw new RowReject(field, `impossible date "${raw}" in ${field}`, 'bad_date');
  }
  return { year, month, day };
}

/** A SAP date `YYYYMMDD`; `00000000` or empty is no date (null). */
export function sapDate(raw: string, field: string): LocalDate | null {
  const v = raw.trim();
  if (v === '' || v === '00000000') return null;
  if (!/^\d{8}$/.test(v)) throw new RowReject(field, `invalid date "${raw}" in ${field}, expected YYYYMMDD`, 'bad_date');
  return checkDate(Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6, 8)), v, field);
}

/** A SAP date that must be present. */
export function requiredSapDate(raw: string, field: string): LocalDate {
  const d = sapDate(raw, field);
  if (!d) throw new RowReject(field, `missing date in ${field}`, 'bad_date');
  return d;
}

/** A SAP time `HHMMSS` as seconds of the day; empty is midnight. */
export function sapTime(raw: string, field: string): number {
  const v = raw.trim();
  if (v === '') return 0;
  if (!/^\d{6}$/.test(v)) throw new RowReject(field, `invalid time "${raw}" in ${field}, expected HHMMSS`, 'bad_date');
  const h = Number(v.slice(0, 2));
  const m = Number(v.slice(2, 4));
  const s = Number(v.slice(4, 6));
  if (h > 23 || m > 59 || s > 59) throw new RowReject(field, `impossible time "${raw}" in ${field}`, 'bad_date');
  return h * 3600 + m * 60 + s;
}

/** UTC epoch ms of a local date plus seconds of the day. */
export function localInstant(d: LocalDate, secondOfDay: number): number {
  return localToUtc(d.year, d.month, d.day, Math.floor(secondOfDay / 3600), Math.floor(secondOfDay / 60) % 60, secondOfDay % 60);
}

/** UTC epoch ms of 23:59:59 local on a date (day precision). */
export function localDayEnd(d: LocalDate): number {
  return endOfLocalDay(d.year, d.month, d.day);
}

/** ISO `YYYY-MM-DD` of a local date, for attributes. */
export function isoDate(d: LocalDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** A local date plus n days, as ISO `YYYY-MM-DD`. */
export function addDaysIso(d: LocalDate, days: number): string {
  return new Date(Date.UTC(d.year, d.month - 1, d.day + days)).toISOString().slice(0, 10);
}

/** `MM/DD/YYYY HH:MM:SS` local time (legacy WMS) -> UTC epoch ms. */
export function usLocalTimestamp(raw: string, field: string): number {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(raw.trim());
  if (!m) throw new RowReject(field, `unparseable timestamp "${raw}" in ${field}, expected MM/DD/YYYY HH:MM:SS`, 'bad_date');
  const d = checkDate(Number(m[3]), Number(m[1]), Number(m[2]), raw, field);
  const h = Number(m[4]);
  const min = Number(m[5]);
  const s = Number(m[6]);
  if (h > 23 || min > 59 || s > 59) throw new RowReject(field, `impossible time "${raw}" in ${field}`, 'bad_date');
  return localToUtc(d.year, d.month, d.day, h, min, s);
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 instant with an explicit offset -> UTC epoch ms (milliseconds kept). */
export function isoInstant(raw: unknown, field: string): number {
  if (typeof raw !== 'string') throw new RowReject(field, `unparseable timestamp ${JSON.stringify(raw) ?? 'undefined'} in ${field}`, 'bad_date');
  const m = ISO_RE.exec(raw);
  if (!m) throw new RowReject(field, `unparseable timestamp "${raw}" in ${field}`, 'bad_date');
  checkDate(Number(m[1]), Number(m[2]), Number(m[3]), raw, field);
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) {
    throw new RowReject(field, `impossible time "${raw}" in ${field}`, 'bad_date');
  }
  const ms = Date.parse(raw);
  if (!Number.isFinite(ms)) throw new RowReject(field, `unparseable timestamp "${raw}" in ${field}`, 'bad_date');
  return ms;
}

/** Epoch seconds (billing `created`, `due_date`) -> epoch ms; must be a whole number in 1990-2100. */
export function epochSeconds(raw: unknown, field: string): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 631152000 || raw > 4102444800) {
    throw new RowReject(field, `unparseable timestamp ${JSON.stringify(raw) ?? 'undefined'} in ${field}, expected epoch seconds`, 'bad_date');
  }
  return raw * 1000;
}

/** A decimal number with `.` as the decimal point; empty -> null. */
export function decimal(raw: string, field: string): number | null {
  const v = raw.trim();
  if (v === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(v)) throw new RowReject(field, `not a number: "${raw}" in ${field}`);
  return Number(v);
}

/** A required decimal number. */
export function requiredDecimal(raw: string, field: string): number {
  const n = decimal(raw, field);
  if (n === null) throw new RowReject(field, `missing number in ${field}`);
  return n;
}

/** A JSON number field (amounts in cents and quantities); absent -> null. */
export function jsonNumber(raw: unknown, field: string): number | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) throw new RowReject(field, `not a number: ${JSON.stringify(raw)} in ${field}`);
  return raw;
}

/** Cents -> currency units, rounded to the cent. */
export function centsToUnits(cents: number): number {
  return Math.round(cents) / 100;
}
