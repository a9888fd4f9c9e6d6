// How case-table cells and case facts read: one place, so the table, the case page and the CSV
// link agree. en-US, UTC explicit (components/format.ts).
import type { CaseCell, CaseColumnInfo, CaseRow } from '../mining/types';
import { formatCount, formatSeconds, formatUtc } from './format';

const moneyFormats = new Map<string, Intl.NumberFormat>();
export function formatMoney(value: number, currency: string | null | undefined): string {
  const cur = currency && /^[A-Z]{3}$/.test(currency) ? currency : null;
  const key = cur ?? '';
  let f = moneyFormats.get(key);
  if (!f) {
    f = cur
      ? new Intl.NumberFormat('en-US', { style: 'currency', currency: cur, minimumFractionDigits: 2, maximumFractionDigits: 2 })
      : new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(key, f);
  }
  return f.format(value);
}

/** "3 Aug 2025 14:05" (UTC; the column header says so). */
export const formatDateTime = (iso: string): string => formatUtc(iso, 'd MMM yyyy HH:mm');

export function formatCell(col: CaseColumnInfo, value: CaseCell | undefined, row: CaseRow): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (col.type) {
    case 'datetime':
      return formatDateTime(String(value));
    case 'duration':
      return formatSeconds(Number(value));
    case 'integer':
      return formatCount(Number(value));
    case 'money':
      return formatMoney(Number(value), typeof row.currency === 'string' ? row.currency : null);
    case 'number':
      return Number(value).toLocaleString('en-US', { maximumFractionDigits: 2 });
    default:
      return String(value);
  }
}

/** Numbers read right-aligned. */
export const isNumeric = (col: CaseColumnInfo): boolean => col.type !== 'text' && col.type !== 'datetime';

/** Source systems as people call them. */
const SYSTEMS: Record<string, string> = {
  sap: 'ERP · SAP',
  odoo: 'ERP · Odoo',
  'wms-legacy': 'WMS · legacy',
  'wms-events': 'WMS · events',
  billing: 'Billing',
  xes: 'XES import',
  csv: 'CSV import',
  ocel: 'OCEL import',
};
export const systemLabel = (id: string): string => SYSTEMS[id] ?? id;
